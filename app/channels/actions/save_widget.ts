import { audit } from '#core/audit'
import { UserFacingError } from '#core/errors'
import { secrets } from '#vault/index'
import { currentConsentTexts } from '#governance/index'
import Widget from '#channels/models/widget'
import { normalizeOrigin } from '#channels/services/widget_access'
import { identitySecretContext, newIdentitySecret } from '#channels/services/widget_identity'

export interface WidgetInput {
  name: string
  color: string
  greeting: string
  allowedOrigins: string[]
  aiEnabled: boolean
  /** Keys of the workspace's consent purposes to ask for; unchanged when omitted. */
  consentPurposes?: string[]
}

/**
 * Creates the workspace's widget (with a fresh identity secret, returned
 * this once) or updates its settings.
 */
export default class SaveWidget {
  async handle(workspaceId: string, input: WidgetInput): Promise<{ widget: Widget; secret: string | null }> {
    const allowedOrigins = [...new Set(input.allowedOrigins.map((origin) => this.#origin(origin)))]
    const existing = await Widget.query().where('workspace_id', workspaceId).first()
    const widget = existing ?? new Widget()
    widget.merge({ workspaceId, name: input.name, color: input.color, greeting: input.greeting, allowedOrigins, aiEnabled: input.aiEnabled })
    if (input.consentPurposes !== undefined) widget.consentPurposeKeys = await this.#purposes(workspaceId, input.consentPurposes)
    else if (!existing) widget.consentPurposeKeys = []
    let secret: string | null = null
    if (!existing) {
      widget.identitySecret = 'pending'
      await widget.save()
      secret = newIdentitySecret()
      widget.identitySecret = await secrets.seal(secret, identitySecretContext(widget))
    }
    await widget.save()
    await audit({ action: existing ? 'widget.updated' : 'widget.created', workspaceId, targetType: 'widget', targetId: widget.id, metadata: { origins: allowedOrigins.length } })
    return { widget, secret }
  }

  /** Only purposes of this workspace that have a text to show. */
  async #purposes(workspaceId: string, keys: string[]) {
    const unique = [...new Set(keys)]
    const known = new Set((await currentConsentTexts(workspaceId, unique)).map((text) => text.key))
    const unknown = unique.find((key) => !known.has(key))
    if (unknown) throw new UserFacingError(`“${unknown}” is not one of this workspace’s consent purposes.`, 'consentPurposes')
    return unique
  }

  #origin(value: string) {
    try {
      return normalizeOrigin(value.trim())
    } catch {
      throw new UserFacingError(`“${value}” is not a web address such as https://www.example.com.`, 'allowedOrigins')
    }
  }
}
