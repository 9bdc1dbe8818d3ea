import jobs from '#core/jobs'
import { audit } from '#core/audit'
import { findInWorkspaceOrFail } from '#core/tenancy'
import KnowledgeSource from '#knowledge/models/knowledge_source'
import { SYNC_SOURCE_JOB } from '#knowledge/jobs/knowledge_jobs'

/** Queues a source for extraction and embedding again (a changed page, a new embedding model). */
export default class ResyncSource {
  async handle(workspaceId: string, sourceId: string) {
    const source = await findInWorkspaceOrFail(KnowledgeSource, { id: workspaceId }, sourceId, 'Source')
    source.merge({ status: 'queued', failureReason: null })
    await source.save()
    await audit({ action: 'knowledge.source_resynced', workspaceId, targetType: 'knowledge_source', targetId: source.id })
    await jobs.dispatch(SYNC_SOURCE_JOB, { sourceId: source.id })
    await source.refresh()
    return source
  }
}
