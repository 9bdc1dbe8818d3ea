import { DateTime } from 'luxon'
import jobs from '#core/jobs'
import KnowledgeSource from '#knowledge/models/knowledge_source'
import KnowledgeSettings from '#knowledge/models/knowledge_settings'

const DEFAULT_REFETCH_HOURS = 24

/** Scheduled: queues a re-fetch of every URL source older than its workspace's re-fetch interval. */
export default class RefetchUrlSources {
  async handle(now = DateTime.now()) {
    const sources = await KnowledgeSource.query().where('kind', 'url').whereNotIn('status', ['queued', 'extracting', 'embedding']).select('id', 'workspace_id', 'last_synced_at')
    const intervals = new Map((await KnowledgeSettings.all()).map((settings) => [settings.workspaceId, settings.refetchHours]))
    let queued = 0
    for (const source of sources) {
      const hours = intervals.get(source.workspaceId) ?? DEFAULT_REFETCH_HOURS
      if (hours <= 0) continue
      if (source.lastSyncedAt && source.lastSyncedAt.plus({ hours }) > now) continue
      await jobs.dispatch('knowledge.sync_source', { sourceId: source.id })
      queued++
    }
    return queued
  }
}
