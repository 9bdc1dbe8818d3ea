import { audit } from '#core/audit'
import { UserFacingError } from '#core/errors'
import { secrets } from '#vault/index'
import Widget from '#channels/models/widget'
import { normalizeOrigin } from '#channels/services/widget_access'
import { identitySecretContext, newIdentitySecret } from '#channels/services/widget_identity'

export interface WidgetInput {
  name: string
  color: string
  greeting: string
  allowedOrigins: string[]
  aiEnabled: boolean
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

  #origin(value: string) {
    try {
      return normalizeOrigin(value.trim())
    } catch {
      throw new UserFacingError(`“${value}” is not a web address such as https://www.example.com.`, 'allowedOrigins')
    }
  }
}
