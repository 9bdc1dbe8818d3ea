import { audit } from '#core/audit'
import { secrets } from '#vault/index'
import AssistantSettings, { DEFAULT_MODEL, currentModel } from '#assistant/models/assistant_settings'
import { anthropicKeyContext } from '#assistant/services/settings'

export interface AssistantSettingsInput {
  /** A new key replaces the sealed one; empty keeps it. */
  anthropicApiKey?: string | null
  removeKey?: boolean
  model?: string | null
  redactionEnabled: boolean
  monthlyTokenLimit?: number | null
}

/** Saves the workspace's AI provider settings; the key is sealed by the vault and never shown again. */
export default class SaveAssistantSettings {
  async handle(workspaceId: string, input: AssistantSettingsInput) {
    const settings = (await AssistantSettings.find(workspaceId)) ?? new AssistantSettings().merge({ workspaceId, model: DEFAULT_MODEL })
    settings.merge({
      model: input.model || currentModel(settings.model),
      redactionEnabled: input.redactionEnabled,
      monthlyTokenLimit: input.monthlyTokenLimit ?? null,
    })
    if (input.removeKey) {
      settings.merge({ anthropicApiKey: null, anthropicKeyHint: null })
    } else if (input.anthropicApiKey) {
      settings.anthropicApiKey = await secrets.seal(input.anthropicApiKey, anthropicKeyContext(workspaceId))
      settings.anthropicKeyHint = secrets.lastFour(input.anthropicApiKey)
    }
    await settings.save()
    await audit({
      action: 'assistant.settings_updated',
      workspaceId,
      targetType: 'assistant_settings',
      targetId: workspaceId,
      metadata: {
        keyChanged: Boolean(input.anthropicApiKey) || Boolean(input.removeKey),
        model: settings.model,
        redactionEnabled: settings.redactionEnabled,
        monthlyTokenLimit: settings.monthlyTokenLimit,
      },
    })
    return settings
  }
}
