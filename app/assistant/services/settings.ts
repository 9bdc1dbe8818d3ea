/** A workspace's AI settings and its sealed Anthropic key. */
import { registerEncryptedColumn, secrets } from '#vault/index'
import AssistantSettings, { currentModel } from '#assistant/models/assistant_settings'

registerEncryptedColumn({
  table: 'assistant_settings',
  column: 'anthropic_api_key',
  primaryKey: 'workspace_id',
  workspaceColumn: 'workspace_id',
  subject: null,
  origin: 'secrets',
})

export const anthropicKeyContext = (workspaceId: string) => ({
  scope: workspaceId,
  table: 'assistant_settings',
  column: 'anthropic_api_key',
  rowId: workspaceId,
})

export interface EffectiveSettings {
  model: string
  redactionEnabled: boolean
  monthlyTokenLimit: number | null
  hasKey: boolean
  keyHint: string | null
}

export async function assistantSettingsOf(workspaceId: string): Promise<EffectiveSettings> {
  const row = await AssistantSettings.find(workspaceId)
  return {
    model: currentModel(row?.model),
    redactionEnabled: row?.redactionEnabled ?? true,
    monthlyTokenLimit: row?.monthlyTokenLimit ?? null,
    hasKey: Boolean(row?.anthropicApiKey),
    keyHint: row?.anthropicKeyHint ?? null,
  }
}

export async function anthropicKeyOf(workspaceId: string) {
  const row = await AssistantSettings.find(workspaceId)
  return row?.anthropicApiKey ? secrets.open(row.anthropicApiKey, anthropicKeyContext(workspaceId)) : null
}
