/** Reading a workspace's embedding settings and opening the sealed key. */
import { registerEncryptedColumn, secrets } from '#vault/index'
import KnowledgeSettings from '#knowledge/models/knowledge_settings'

registerEncryptedColumn({
  table: 'knowledge_settings',
  column: 'embedding_api_key',
  primaryKey: 'workspace_id',
  workspaceColumn: 'workspace_id',
  subject: null,
  origin: 'secrets',
})

export const embeddingKeyContext = (workspaceId: string) => ({
  scope: workspaceId,
  table: 'knowledge_settings',
  column: 'embedding_api_key',
  rowId: workspaceId,
})

export async function knowledgeSettingsOf(workspaceId: string) {
  return (await KnowledgeSettings.find(workspaceId)) ?? null
}

export async function openEmbeddingKey(settings: KnowledgeSettings) {
  return settings.embeddingApiKey ? secrets.open(settings.embeddingApiKey, embeddingKeyContext(settings.workspaceId)) : null
}
