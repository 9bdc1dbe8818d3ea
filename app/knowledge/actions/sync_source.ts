import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { UserFacingError } from '#core/errors'
import KnowledgeSource from '#knowledge/models/knowledge_source'
import { extractText, kindOfContentType, kindOfFilename, type DocumentKind } from '#knowledge/services/extract'
import { fetchDocument } from '#knowledge/services/url_fetcher'
import { readSourceFile } from '#knowledge/services/source_files'
import { chunkDocument } from '#knowledge/services/chunker'
import { embedderFor } from '#knowledge/services/embeddings'
import { replaceChunks } from '#knowledge/services/chunk_store'
import { summarizeSource } from '#knowledge/services/summarizer'

/**
 * Ingests one source: queued → extracting → embedding → ready, or failed
 * with a reason an admin can act on. Chunks are replaced in one
 * transaction, so retrieval never sees half a document. The summary is
 * rewritten only when the text changed.
 */
export default class SyncSource {
  async handle(sourceId: string) {
    const source = await KnowledgeSource.find(sourceId)
    if (!source) return
    try {
      await this.#setStatus(source, 'extracting')
      const text = await this.#text(source)
      const hash = createHash('sha256').update(text).digest('hex')
      const chunks = chunkDocument(text)
      if (chunks.length === 0) throw new UserFacingError('No text was found in the document.')

      await this.#setStatus(source, 'embedding')
      const embedder = await embedderFor(source.workspaceId)
      const vectors = await embedder.embed(
        chunks.map((chunk) => (chunk.heading ? `${chunk.heading}\n${chunk.content}` : chunk.content)),
        'document'
      )
      const textChanged = hash !== source.contentHash
      await db.transaction(async (trx) => {
        await replaceChunks(trx, source, chunks, vectors)
        source.useTransaction(trx)
        source.merge({
          status: 'ready',
          failureReason: null,
          chunkCount: chunks.length,
          contentHash: hash,
          embeddingModel: embedder.model,
          lastSyncedAt: DateTime.now(),
        })
        await source.save()
      })
      if (textChanged || (!source.summary && !source.summaryNote)) await this.#summarize(source, text)
    } catch (error) {
      const reason = error instanceof UserFacingError ? error.message : 'Processing failed unexpectedly; the error was logged. Try re-syncing.'
      if (!(error instanceof UserFacingError)) logger.error({ err: error, sourceId: source.id }, 'knowledge: source processing failed')
      const fresh = await KnowledgeSource.find(source.id)
      if (fresh) {
        fresh.merge({ status: 'failed', failureReason: reason.slice(0, 500), lastSyncedAt: DateTime.now() })
        await fresh.save()
      }
    }
  }

  async #setStatus(source: KnowledgeSource, status: KnowledgeSource['status']) {
    source.status = status
    source.failureReason = null
    await source.save()
  }

  async #text(source: KnowledgeSource): Promise<string> {
    if (source.kind === 'text') return extractText('markdown', Buffer.from(source.pastedText ?? ''))
    if (source.kind === 'upload') {
      if (!source.storageKey || !source.filename) throw new UserFacingError('The uploaded file is missing; upload it again.')
      return extractText(kindOfFilename(source.filename), await readSourceFile(source.storageKey))
    }
    const document = await fetchDocument(source.url ?? '')
    const kind: DocumentKind | null =
      kindOfContentType(document.contentType) ?? (/\.(md|txt|html?|pdf|docx)$/i.test(new URL(document.url).pathname) ? kindOfFilename(new URL(document.url).pathname) : null)
    if (!kind) throw new UserFacingError(`The page’s content type (${document.contentType.split(';')[0] || 'none'}) is not a document we can read.`)
    source.contentType = document.contentType.split(';')[0].slice(0, 120) || null
    source.byteSize = document.bytes.length
    return extractText(kind, document.bytes)
  }

  async #summarize(source: KnowledgeSource, text: string) {
    let outcome: { summary?: string; note?: string }
    try {
      outcome = await summarizeSource({ workspaceId: source.workspaceId, sourceId: source.id, title: source.title, text })
    } catch (error) {
      outcome = { note: `No summary: ${error instanceof UserFacingError ? error.message : 'the AI provider failed.'}` }
    }
    source.merge({ summary: outcome.summary ?? null, summaryNote: outcome.summary ? null : (outcome.note ?? null)?.slice(0, 300) ?? null })
    await source.save()
  }
}
