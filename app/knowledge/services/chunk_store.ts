/** Writes a source's chunks and their vectors (replacing the previous set in one transaction). */
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Chunk } from '#knowledge/services/chunker'
import { toVectorLiteral } from '#knowledge/services/dimension'

const INSERT_BATCH = 200

export async function replaceChunks(
  trx: TransactionClientContract,
  source: { id: string; workspaceId: string },
  chunks: Chunk[],
  vectors: number[][]
) {
  await trx.from('knowledge_chunks').where('workspace_id', source.workspaceId).where('source_id', source.id).delete()
  const now = new Date()
  const rows = chunks.map((chunk, index) => ({
    workspace_id: source.workspaceId,
    source_id: source.id,
    position: chunk.position,
    heading: chunk.heading?.slice(0, 300) ?? null,
    content: chunk.content,
    embedding: toVectorLiteral(vectors[index]),
    created_at: now,
  }))
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    await trx.table('knowledge_chunks').insert(rows.slice(start, start + INSERT_BATCH))
  }
}

export async function chunksOfSource(workspaceId: string, sourceId: string, limit = 200) {
  return db
    .from('knowledge_chunks')
    .where('workspace_id', workspaceId)
    .where('source_id', sourceId)
    .orderBy('position')
    .limit(limit)
    .select('id', 'position', 'heading', 'content')
}
