import jobs from '#core/jobs'
import { audit } from '#core/audit'
import { secrets } from '#vault/index'
import KnowledgeSettings, { type EmbeddingProvider } from '#knowledge/models/knowledge_settings'
import KnowledgeSource from '#knowledge/models/knowledge_source'
import { embeddingKeyContext } from '#knowledge/services/embedding_settings'
import { embedderFor } from '#knowledge/services/embeddings'
import { SYNC_SOURCE_JOB } from '#knowledge/jobs/knowledge_jobs'

export interface KnowledgeSettingsInput {
  embeddingProvider: EmbeddingProvider
  embeddingBaseUrl?: string | null
  embeddingModel?: string | null
  /** Only when changed: a new key replaces the sealed one; empty keeps it. */
  embeddingApiKey?: string | null
  refetchHours?: number
}

/**
 * Saves the embeddings provider (its key sealed by the vault, never shown
 * again). When the embedding model changes, every source is re-embedded:
 * query and chunk vectors must come from the same model.
 */
export default class SaveKnowledgeSettings {
  async handle(workspaceId: string, input: KnowledgeSettingsInput) {
    const before = (await embedderFor(workspaceId)).model
    const settings = (await KnowledgeSettings.find(workspaceId)) ?? new KnowledgeSettings()
    settings.merge({
      workspaceId,
      embeddingProvider: input.embeddingProvider,
      embeddingBaseUrl: input.embeddingProvider === 'local' ? null : input.embeddingBaseUrl || null,
      embeddingModel: input.embeddingProvider === 'local' ? null : input.embeddingModel || null,
      refetchHours: input.refetchHours ?? settings.refetchHours ?? 24,
    })
    if (input.embeddingProvider === 'local') {
      settings.merge({ embeddingApiKey: null, embeddingKeyHint: null })
    } else if (input.embeddingApiKey) {
      settings.embeddingApiKey = await secrets.seal(input.embeddingApiKey, embeddingKeyContext(workspaceId))
      settings.embeddingKeyHint = secrets.lastFour(input.embeddingApiKey)
    }
    await settings.save()
    const after = (await embedderFor(workspaceId)).model
    let resynced = 0
    if (after !== before) {
      const sources = await KnowledgeSource.query().where('workspace_id', workspaceId).select('id')
      await KnowledgeSource.query().where('workspace_id', workspaceId).update({ status: 'queued' })
      for (const source of sources) await jobs.dispatch(SYNC_SOURCE_JOB, { sourceId: source.id })
      resynced = sources.length
    }
    await audit({
      action: 'knowledge.settings_updated',
      workspaceId,
      targetType: 'knowledge_settings',
      targetId: workspaceId,
      metadata: { embeddingProvider: input.embeddingProvider, keyChanged: Boolean(input.embeddingApiKey), resynced },
    })
    return { settings, resynced }
  }
}
