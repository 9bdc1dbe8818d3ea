import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit'
import { findInWorkspaceOrFail } from '#core/tenancy'
import KnowledgeSource from '#knowledge/models/knowledge_source'
import { deleteSourceFile } from '#knowledge/services/source_files'

/** Deletes a source with its chunks and embeddings, and its uploaded file. */
export default class DeleteSource {
  async handle(workspaceId: string, sourceId: string) {
    const source = await findInWorkspaceOrFail(KnowledgeSource, { id: workspaceId }, sourceId, 'Source')
    const storageKey = source.storageKey
    const chunks = await db.transaction(async (trx) => {
      const deleted = await trx.from('knowledge_chunks').where('workspace_id', workspaceId).where('source_id', source.id).delete()
      source.useTransaction(trx)
      await source.delete()
      return Number(deleted)
    })
    if (storageKey) await deleteSourceFile(storageKey).catch((error) => logger.warn({ err: error, sourceId }, 'knowledge: file already gone'))
    await audit({ action: 'knowledge.source_deleted', workspaceId, targetType: 'knowledge_source', targetId: sourceId, metadata: { chunks } })
    return chunks
  }
}
