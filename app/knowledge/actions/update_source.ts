import jobs from '#core/jobs'
import { audit } from '#core/audit'
import { UserFacingError } from '#core/errors'
import { findInWorkspaceOrFail } from '#core/tenancy'
import KnowledgeSource from '#knowledge/models/knowledge_source'
import { assertFetchableUrl } from '#knowledge/services/url_fetcher'
import { MAX_PASTED_CHARS } from '#knowledge/actions/create_source'
import { SYNC_SOURCE_JOB } from '#knowledge/jobs/knowledge_jobs'

export interface SourceChanges {
  title?: string
  url?: string
  text?: string
}

/** Edits a source's title, URL or pasted text; a content change re-syncs it. */
export default class UpdateSource {
  async handle(workspaceId: string, sourceId: string, changes: SourceChanges) {
    const source = await findInWorkspaceOrFail(KnowledgeSource, { id: workspaceId }, sourceId, 'Source')
    let contentChanged = false
    if (changes.title !== undefined) source.title = changes.title.slice(0, 200)
    if (changes.url !== undefined && source.kind === 'url' && changes.url !== source.url) {
      source.url = assertFetchableUrl(changes.url).href
      contentChanged = true
    }
    if (changes.text !== undefined && source.kind === 'text' && changes.text !== source.pastedText) {
      if (changes.text.length > MAX_PASTED_CHARS) throw new UserFacingError('Pasted text can be at most 200,000 characters.', 'text')
      source.pastedText = changes.text
      source.byteSize = Buffer.byteLength(changes.text)
      contentChanged = true
    }
    if (contentChanged) source.status = 'queued'
    await source.save()
    await audit({ action: 'knowledge.source_updated', workspaceId, targetType: 'knowledge_source', targetId: source.id, metadata: { contentChanged } })
    if (contentChanged) await jobs.dispatch(SYNC_SOURCE_JOB, { sourceId: source.id })
    await source.refresh()
    return source
  }
}
