/**
 * Hybrid retrieval, always inside one workspace: nearest chunks by cosine
 * distance plus PostgreSQL full-text matches, fused by reciprocal rank fusion
 * (RRF, k = 60). The vector side picks its path by the workspace's size: up to
 * EXACT_SCAN_MAX_CHUNKS it scores every chunk of the workspace (found by the
 * btree on workspace_id) and sorts them — exact, and faster than the graph at
 * that size (npm run bench:retrieval); above it, the HNSW index with
 * pgvector 0.8's iterative scan, so the workspace filter does not starve the
 * result (the index keeps scanning until enough rows of this workspace are found).
 */
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { toVectorLiteral } from '#knowledge/services/dimension'
import { LOCAL_EMBEDDING_MODEL } from '#knowledge/services/local_embedder'
import type { Embedder } from '#knowledge/services/embeddings'

export const RRF_K = 60
const CANDIDATES = 40
const EF_SEARCH = 200
const MAX_SCAN_TUPLES = 50_000
/** Workspaces with at most this many chunks are searched exactly. */
export const EXACT_SCAN_MAX_CHUNKS = 5_000
/** Lexical vectors below this similarity share too few words to count as a vector match. */
const LOCAL_MIN_SIMILARITY = 0.2

export interface RetrievedPassage {
  chunkId: string
  sourceId: string
  sourceTitle: string
  sourceUrl: string | null
  heading: string | null
  content: string
  position: number
  vectorScore: number | null
  vectorRank: number | null
  ftsScore: number | null
  ftsRank: number | null
  fusedScore: number
}

/** The nearest chunks of one workspace by cosine distance (filtered HNSW with an iterative scan). */
export async function nearestChunks(client: QueryClientContract, workspaceId: string, vector: number[], limit: number) {
  const literal = toVectorLiteral(vector)
  const result = await client.rawQuery(
    `WITH nearest AS MATERIALIZED (
       SELECT id, embedding <=> ?::vector AS distance
         FROM knowledge_chunks
        WHERE workspace_id = ?
        ORDER BY embedding <=> ?::vector
        LIMIT ?
     )
     SELECT id::text AS id, distance FROM nearest ORDER BY distance`,
    [literal, workspaceId, literal, limit]
  )
  return result.rows as { id: string; distance: number }[]
}

/**
 * Runs `work` in a transaction whose HNSW scans are iterative (relaxed order,
 * re-sorted by the caller). Settings go in one statement; JIT is off because
 * compiling a 5 ms vector query costs more than running it.
 */
export function withIterativeScan<T>(work: (trx: QueryClientContract) => Promise<T>, efSearch = EF_SEARCH) {
  return db.transaction(async (trx) => {
    const ef = Math.max(10, Math.min(1000, Math.round(efSearch)))
    await trx.rawQuery(
      `SELECT set_config('jit', 'off', true), set_config('hnsw.iterative_scan', 'relaxed_order', true),
              set_config('hnsw.ef_search', ?, true), set_config('hnsw.max_scan_tuples', ?, true)`,
      [String(ef), String(MAX_SCAN_TUPLES)]
    )
    return work(trx)
  })
}

/** Runs `work` with the vector index off: the workspace's rows are scored one by one (exact). */
export function withExactScan<T>(work: (trx: QueryClientContract) => Promise<T>) {
  return db.transaction(async (trx) => {
    await trx.rawQuery(`SELECT set_config('jit', 'off', true), set_config('enable_indexscan', 'off', true)`)
    return work(trx)
  })
}

/** The nearest chunks of a workspace, exact for small workspaces and by iterative HNSW for large ones. */
export async function vectorCandidates(workspaceId: string, vector: number[], limit: number) {
  const [{ count }] = (await db.from('knowledge_chunks').where('workspace_id', workspaceId).count('* as count')) as { count: string }[]
  const search = (trx: QueryClientContract) => nearestChunks(trx, workspaceId, vector, limit)
  return Number(count) <= EXACT_SCAN_MAX_CHUNKS ? withExactScan(search) : withIterativeScan(search)
}

async function fullTextMatches(client: QueryClientContract, workspaceId: string, question: string, limit: number) {
  // Any of the question's words (OR), ranked by cover density; stop words are dropped by the parser.
  const result = await client.rawQuery(
    `SELECT id::text AS id, ts_rank_cd(search_vector, query) AS rank
       FROM knowledge_chunks,
            to_tsquery('english', replace(plainto_tsquery('english', ?)::text, '&', '|')) AS query
      WHERE workspace_id = ? AND search_vector @@ query
      ORDER BY rank DESC
      LIMIT ?`,
    [question, workspaceId, limit]
  )
  return result.rows as { id: string; rank: number }[]
}

export async function searchKnowledge(workspaceId: string, question: string, embedder: Embedder, limit = 6): Promise<RetrievedPassage[]> {
  const [vector] = await embedder.embed([question], 'query')
  const minSimilarity = embedder.model === LOCAL_EMBEDDING_MODEL ? LOCAL_MIN_SIMILARITY : -1
  const nearest = (await vectorCandidates(workspaceId, vector, CANDIDATES)).filter((row) => 1 - Number(row.distance) >= minSimilarity)
  return db.transaction(async (trx) => {
    const lexical = question.trim() ? await fullTextMatches(trx, workspaceId, question, CANDIDATES) : []
    const fused = new Map<string, { vectorScore: number | null; vectorRank: number | null; ftsScore: number | null; ftsRank: number | null; fusedScore: number }>()
    const entry = (id: string) => {
      if (!fused.has(id)) fused.set(id, { vectorScore: null, vectorRank: null, ftsScore: null, ftsRank: null, fusedScore: 0 })
      return fused.get(id)!
    }
    nearest.forEach((row, index) => {
      const item = entry(row.id)
      item.vectorScore = 1 - Number(row.distance)
      item.vectorRank = index + 1
      item.fusedScore += 1 / (RRF_K + index + 1)
    })
    lexical.forEach((row, index) => {
      const item = entry(row.id)
      item.ftsScore = Number(row.rank)
      item.ftsRank = index + 1
      item.fusedScore += 1 / (RRF_K + index + 1)
    })
    const top = [...fused.entries()].sort((a, b) => b[1].fusedScore - a[1].fusedScore).slice(0, limit)
    if (top.length === 0) return []
    const rows = (await trx
      .from('knowledge_chunks')
      .join('knowledge_sources', 'knowledge_sources.id', 'knowledge_chunks.source_id')
      .where('knowledge_chunks.workspace_id', workspaceId)
      .where('knowledge_sources.workspace_id', workspaceId)
      .whereIn('knowledge_chunks.id', top.map(([id]) => id))
      .select(
        db.raw('knowledge_chunks.id::text AS id'),
        'knowledge_chunks.source_id',
        'knowledge_chunks.heading',
        'knowledge_chunks.content',
        'knowledge_chunks.position',
        'knowledge_sources.title',
        'knowledge_sources.url'
      )) as { id: string; source_id: string; heading: string | null; content: string; position: number; title: string; url: string | null }[]
    const byId = new Map(rows.map((row) => [row.id, row]))
    return top.flatMap(([id, scores]) => {
      const row = byId.get(id)
      if (!row) return []
      return [{
        chunkId: id,
        sourceId: row.source_id,
        sourceTitle: row.title,
        sourceUrl: row.url,
        heading: row.heading,
        content: row.content,
        position: row.position,
        ...scores,
      }]
    })
  })
}
