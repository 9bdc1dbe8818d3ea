import jobs from '#core/jobs'
import { audit } from '#core/audit'
import { UserFacingError } from '#core/errors'
import KnowledgeSource from '#knowledge/models/knowledge_source'
import { kindOfFilename, MAX_SOURCE_BYTES } from '#knowledge/services/extract'
import { assertFetchableUrl } from '#knowledge/services/url_fetcher'
import { storageKeyFor, writeSourceFile } from '#knowledge/services/source_files'
import { SYNC_SOURCE_JOB } from '#knowledge/jobs/knowledge_jobs'

export type CreateSourceInput =
  | { kind: 'upload'; title?: string | null; file: { filename: string; bytes: Uint8Array } }
  | { kind: 'url'; title?: string | null; url: string }
  | { kind: 'text'; title: string; text: string }

export const MAX_PASTED_CHARS = 200_000

export function assertUploadAcceptable(file: { filename: string; size: number }) {
  kindOfFilename(file.filename)
  if (file.size > MAX_SOURCE_BYTES) {
    throw new UserFacingError(`“${file.filename}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; documents can be at most 10 MB.`, 'file', {
      status: 413,
      code: 'E_SOURCE_TOO_LARGE',
    })
  }
  if (file.size === 0) throw new UserFacingError(`“${file.filename}” is empty.`, 'file')
}

/** Adds a knowledge source and queues its ingestion. */
export default class CreateSource {
  async handle(workspaceId: string, actorUserId: string | null, input: CreateSourceInput) {
    const source = new KnowledgeSource()
    source.merge({ workspaceId, kind: input.kind, status: 'queued', chunkCount: 0, createdByUserId: actorUserId })
    if (input.kind === 'upload') {
      assertUploadAcceptable({ filename: input.file.filename, size: input.file.bytes.byteLength })
      source.merge({ title: (input.title || input.file.filename).slice(0, 200), filename: input.file.filename.slice(0, 255), byteSize: input.file.bytes.byteLength })
    } else if (input.kind === 'url') {
      const url = assertFetchableUrl(input.url)
      source.merge({ title: (input.title || url.href).slice(0, 200), url: url.href })
    } else {
      if (input.text.length > MAX_PASTED_CHARS) throw new UserFacingError('Pasted text can be at most 200,000 characters.', 'text')
      source.merge({ title: input.title.slice(0, 200), pastedText: input.text, byteSize: Buffer.byteLength(input.text) })
    }
    await source.save()
    if (input.kind === 'upload') {
      source.storageKey = storageKeyFor(workspaceId, source.id)
      await writeSourceFile(source.storageKey, input.file.bytes)
      await source.save()
    }
    await audit({ action: 'knowledge.source_added', workspaceId, targetType: 'knowledge_source', targetId: source.id, metadata: { kind: source.kind } })
    await jobs.dispatch(SYNC_SOURCE_JOB, { sourceId: source.id })
    await source.refresh()
    return source
  }
}
