/** Background jobs of the knowledge base: payloads carry ids only. */
import SyncSource from '#knowledge/actions/sync_source'
import RefetchUrlSources from '#knowledge/actions/refetch_url_sources'

export const SYNC_SOURCE_JOB = 'knowledge.sync_source'
export const REFETCH_URL_SOURCES_JOB = 'knowledge.refetch_url_sources'

export async function syncSourceJob(data: { sourceId: string }) {
  await new SyncSource().handle(data.sourceId)
}

export async function refetchUrlSourcesJob() {
  await new RefetchUrlSources().handle()
}
