/**
 * npm run bench:retrieval — filtered vector retrieval at volume, side by side in one run.
 *
 * Loads 200,000 chunks across 100 workspaces (2,000 each; vectors from the
 * built-in lexical embedder over synthetic help-article text, each workspace
 * with its own topic vocabulary on top of a shared one), builds the HNSW
 * index (vector_cosine_ops, m = 16, ef_construction = 64), then for the same
 * random queries, each inside one workspace, measures:
 *   - recall@10 of the app's filtered HNSW query (the workspace's hash partition
 *     of knowledge_chunks, pgvector 0.8 iterative scan, relaxed order,
 *     ef_search = 200, re-sorted) against exact search in that
 *     workspace (target >= 0.95), and of a plain HNSW query without iterative
 *     scan, to show why the workspace filter needs it;
 *   - p50 / p95 latency of the HNSW query against the exact scan;
 *   - ingestion: chunks per second through the real pipeline (chunking, local
 *     embedding, transactional insert into the indexed table), and the bulk load.
 *
 * Runs on a fresh in-memory embedded database unless DATABASE_URL is set (use
 * a real PostgreSQL 15+ with pgvector 0.8; its benchmark workspaces are deleted
 * afterwards). Options (env): BENCH_SCALE (1 = 200,000 chunks), BENCH_QUERIES (200),
 * BENCH_KEEP=1 (keep the loaded data), BENCH_REUSE=1 (measure on data a previous
 * BENCH_KEEP run left, skipping the load and the index build).
 */
import 'reflect-metadata'
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { bootBenchApp, embedded, log } from './harness.ts'

const SCALE = Number(process.env.BENCH_SCALE ?? 1)
const WORKSPACES = 100
const CHUNKS_PER_WORKSPACE = Math.max(20, Math.round(2_000 * SCALE))
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200)
const PIPELINE_DOCUMENTS = 20
const BATCH = 2_000
const K = 10

const app = await bootBenchApp({ port: 3399, pglitePort: 54398, nodeEnv: 'production' })

const { default: db } = await import('@adonisjs/lucid/services/db')
const { localEmbedding, toVectorLiteral, nearestChunks, vectorCandidates, chunkDocument, localEmbedder } = await import('#knowledge/index')
const { replaceChunks } = await import('#knowledge/services/chunk_store')

/* ---------------------------------------------------------------- synthetic text */
let seed = 42
const random = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0
  return seed / 2 ** 32
}
const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'pa', 'qui', 'bre', 'dor', 'fen', 'gal', 'hum']
const word = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join('')
const shared = Array.from({ length: 3_000 }, word)
const topics = Array.from({ length: WORKSPACES }, () => Array.from({ length: 400 }, word))
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]
function passage(workspace: number, words = 40) {
  return Array.from({ length: words }, () => (random() < 0.5 ? pick(topics[workspace]) : pick(shared))).join(' ')
}

const runId = randomUUID().slice(0, 8)
const workspaceIds: string[] = []
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]
const ms = (value: number) => `${value.toFixed(2)} ms`

try {
  /* ------------------------------------------------------------ workspaces and sources */
  const now = new Date()
  const sourceIds: string[] = []
  const reused = process.env.BENCH_REUSE
    ? ((await db.from('knowledge_sources').join('workspaces', 'workspaces.id', 'knowledge_sources.workspace_id').where('workspaces.slug', 'like', 'bench-rt-%').where('knowledge_sources.title', 'like', 'Bench %').select('knowledge_sources.id', 'knowledge_sources.workspace_id', 'workspaces.slug')) as { id: string; workspace_id: string; slug: string }[])
    : []
  // In load order, so workspace n still has topic n.
  reused.sort((a, b) => Number(a.slug.split('-')[2]) - Number(b.slug.split('-')[2]))
  for (const row of reused) {
    workspaceIds.push(row.workspace_id)
    sourceIds.push(row.id)
  }
  if (reused.length) log(`reusing ${reused.length} benchmark workspaces left by a BENCH_KEEP run`)
  for (let index = 0; index < (reused.length ? 0 : WORKSPACES); index++) {
    const id = randomUUID()
    workspaceIds.push(id)
    await db.table('workspaces').insert({ id, name: `Bench ${index}`, slug: `bench-rt-${index}-${runId}`, created_at: now, updated_at: now })
    const sourceId = randomUUID()
    sourceIds.push(sourceId)
    await db.table('knowledge_sources').insert({ id: sourceId, workspace_id: id, kind: 'text', title: `Bench ${index}`, status: 'ready', chunk_count: CHUNKS_PER_WORKSPACE, created_at: now, updated_at: now })
  }

  /* ------------------------------------------------------------ bulk load, then the index */
  const total = reused.length ? Number((await db.from('knowledge_chunks').whereIn('workspace_id', workspaceIds).count('* as n').first()).n) : WORKSPACES * CHUNKS_PER_WORKSPACE
  let loadSeconds = Number.NaN
  let indexSeconds = Number.NaN
  if (!reused.length) {
    await db.rawQuery('DROP INDEX IF EXISTS knowledge_chunks_embedding')
    log(`loading ${total.toLocaleString('en')} chunks (${WORKSPACES} workspaces × ${CHUNKS_PER_WORKSPACE.toLocaleString('en')})`)
    const loadStarted = performance.now()
    let rows: { w: string[]; s: string[]; p: number[]; c: string[]; e: string[] } = { w: [], s: [], p: [], c: [], e: [] }
    const flush = async () => {
      if (!rows.w.length) return
      await db.rawQuery(
        `INSERT INTO knowledge_chunks (workspace_id, source_id, position, content, embedding, created_at)
         SELECT w, s, p, c, e::vector, now() FROM unnest(?::uuid[], ?::uuid[], ?::int[], ?::text[], ?::text[]) AS t(w, s, p, c, e)`,
        [rows.w, rows.s, rows.p, rows.c, rows.e]
      )
      rows = { w: [], s: [], p: [], c: [], e: [] }
    }
    for (let workspace = 0; workspace < WORKSPACES; workspace++) {
      for (let position = 0; position < CHUNKS_PER_WORKSPACE; position++) {
        const text = passage(workspace)
        rows.w.push(workspaceIds[workspace])
        rows.s.push(sourceIds[workspace])
        rows.p.push(position)
        rows.c.push(text)
        rows.e.push(toVectorLiteral(localEmbedding(text)))
        if (rows.w.length >= BATCH) await flush()
      }
    }
    await flush()
    loadSeconds = (performance.now() - loadStarted) / 1000
    log(`bulk load: ${(total / loadSeconds).toFixed(0)} chunks/s (embedding + insert, no vector index)`)
    const indexStarted = performance.now()
    await db.rawQuery("SET maintenance_work_mem = '1GB'").catch(() => null)
    await db.rawQuery('CREATE INDEX knowledge_chunks_embedding ON knowledge_chunks USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)')
    await db.rawQuery('ANALYZE knowledge_chunks')
    indexSeconds = (performance.now() - indexStarted) / 1000
    log(`HNSW index built in ${indexSeconds.toFixed(1)} s`)
  }

  /* ------------------------------------------------------------ queries */
  const queries = Array.from({ length: QUERIES }, () => {
    const workspace = Math.floor(random() * WORKSPACES)
    return { workspaceId: workspaceIds[workspace], vector: localEmbedding(passage(workspace, 12)) }
  })
  // Each variant runs the app's nearest-chunks query in its own transaction with its own settings.
  const variant = (settings: string[]) => (workspaceId: string, vector: number[]) =>
    db.transaction(async (trx) => {
      // As the app does: no JIT (priced-out sorts would make every query "expensive" enough to compile).
      for (const setting of ['jit = off', ...settings]) await trx.rawQuery(`SET LOCAL ${setting}`)
      return nearestChunks(trx, workspaceId, vector, K)
    })
  const EF_SEARCH = Number(process.env.BENCH_EF_SEARCH ?? 200)
  const HNSW_ITERATIVE = ["hnsw.iterative_scan = 'relaxed_order'", `hnsw.ef_search = ${EF_SEARCH}`, 'hnsw.max_scan_tuples = 50000', 'enable_sort = off']
  const EXACT = ['enable_indexscan = off']
  const variants = {
    // Ground truth: no vector index; the workspace's rows (btree) are all scored and sorted.
    exact: variant(EXACT),
    // The HNSW index for sure (sorting is priced out), with pgvector 0.8's iterative scan: what large workspaces get.
    hnsw: variant(HNSW_ITERATIVE),
    // The same without the iterative scan: the index stops after ef_search candidates, most of them other workspaces'.
    hnswPlain: variant(['hnsw.ef_search = 100', 'enable_sort = off']),
    // The app's vector search as it runs: exact for workspaces up to 5,000 chunks, iterative HNSW above.
    app: (workspaceId: string, vector: number[]) => vectorCandidates(workspaceId, vector, K),
  }
  const planOf = async (settings: string[]) =>
    db.transaction(async (trx) => {
      for (const setting of settings) await trx.rawQuery(`SET LOCAL ${setting}`)
      const literal = toVectorLiteral(queries[0].vector)
      const result = await trx.rawQuery(
        'EXPLAIN WITH nearest AS MATERIALIZED (SELECT id, embedding <=> ?::vector AS distance FROM knowledge_chunks WHERE workspace_id = ? ORDER BY embedding <=> ?::vector LIMIT 10) SELECT id FROM nearest ORDER BY distance',
        [literal, queries[0].workspaceId, literal]
      )
      const text = result.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join(' ')
      // Each partition has its own HNSW index (knowledge_chunks_pNN_embedding_idx).
      if (/knowledge_chunks(_p\d+)?_embedding/.test(text)) return 'HNSW index scan'
      return text.includes('Bitmap') || text.includes('Index Scan') ? 'workspace btree + sort (exact)' : 'sequential scan + sort (exact)'
    })
  log(`plans: hnsw (ef_search ${EF_SEARCH}) → ${await planOf(HNSW_ITERATIVE)}; exact → ${await planOf(EXACT)}`)
  for (const query of queries.slice(0, 10)) for (const run of Object.values(variants)) await run(query.workspaceId, query.vector)

  const names = Object.keys(variants) as (keyof typeof variants)[]
  const timings = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<keyof typeof variants, number[]>
  const recall = Object.fromEntries(names.map((name) => [name, 0])) as Record<keyof typeof variants, number>
  // Interleaved per query, so every variant sees the same cache state and machine load.
  for (const query of queries) {
    const results = {} as Record<keyof typeof variants, { id: string }[]>
    for (const name of names) {
      const t = performance.now()
      results[name] = await variants[name](query.workspaceId, query.vector)
      timings[name].push(performance.now() - t)
    }
    const expected = new Set(results.exact.map((row) => row.id))
    for (const name of names) recall[name] += results[name].filter((row) => expected.has(row.id)).length / Math.max(1, expected.size)
  }

  /* ------------------------------------------------------------ ingestion pipeline */
  const pipelineSource = sourceIds[0]
  const documents = Array.from({ length: PIPELINE_DOCUMENTS }, (_, index) =>
    Array.from({ length: 12 }, (_, section) => `## Section ${index}.${section}\n\n${passage(0, 120)}\n\n${passage(0, 120)}`).join('\n\n')
  )
  const pipelineStarted = performance.now()
  let pipelineChunks = 0
  for (const [index, document] of documents.entries()) {
    const chunks = chunkDocument(document)
    const vectors = await localEmbedder.embed(chunks.map((chunk) => `${chunk.heading}\n${chunk.content}`), 'document')
    const sourceId = randomUUID()
    await db.table('knowledge_sources').insert({ id: sourceId, workspace_id: workspaceIds[0], kind: 'text', title: `Pipeline ${index}`, status: 'ready', chunk_count: chunks.length, created_at: now, updated_at: now })
    await db.transaction((trx) => replaceChunks(trx, { id: sourceId, workspaceId: workspaceIds[0] }, chunks, vectors))
    pipelineChunks += chunks.length
  }
  const pipelineSeconds = (performance.now() - pipelineStarted) / 1000
  void pipelineSource

  const stats = (name: keyof typeof variants) => ({ recall: recall[name] / QUERIES, p50: percentile(timings[name], 50), p95: percentile(timings[name], 95) })
  const report = {
    database: embedded ? 'embedded PGlite (in memory)' : 'PostgreSQL (DATABASE_URL)',
    chunks: total,
    workspaces: WORKSPACES,
    queries: QUERIES,
    hnswIterative: stats('hnsw'),
    hnswWithoutIterativeScan: stats('hnswPlain'),
    appQuery: stats('app'),
    exact: stats('exact'),
    ingestion: { pipelineChunksPerSecond: pipelineChunks / pipelineSeconds, bulkChunksPerSecond: total / loadSeconds, indexBuildSeconds: indexSeconds },
  }
  const line = (label: string, row: { recall: number; p50: number; p95: number }) =>
    console.log(`  ${label.padEnd(46)} recall@10 ${row.recall.toFixed(3)}   p50 ${ms(row.p50).padStart(10)}   p95 ${ms(row.p95).padStart(10)}`)
  console.log('')
  console.log(`Retrieval benchmark — ${report.chunks.toLocaleString('en')} chunks, ${WORKSPACES} workspaces, ${QUERIES} queries, ${report.database}`)
  line('filtered HNSW, iterative scan (index forced)', report.hnswIterative)
  line('filtered HNSW, no iterative scan', report.hnswWithoutIterativeScan)
  line("the app's search (exact ≤ 5,000 chunks/workspace)", report.appQuery)
  line('exact (workspace rows scored and sorted)', report.exact)
  console.log(`  filtered HNSW recall@10 target ≥ 0.95: ${report.hnswIterative.recall >= 0.95 ? 'OK' : 'BELOW TARGET'}; exact/HNSW p50 ×${(report.exact.p50 / report.hnswIterative.p50).toFixed(2)}`)
  console.log(`  ingestion: pipeline ${report.ingestion.pipelineChunksPerSecond.toFixed(0)} chunks/s (chunk + embed + insert into the indexed table); bulk load ${report.ingestion.bulkChunksPerSecond.toFixed(0)} chunks/s; HNSW build ${report.ingestion.indexBuildSeconds.toFixed(1)} s`)
  console.log(JSON.stringify(report))
} finally {
  if (!process.env.BENCH_KEEP && workspaceIds.length) {
    log('deleting the benchmark workspaces (chunks and sources cascade)')
    await db.from('workspaces').whereIn('id', workspaceIds).delete()
  }
  await app.terminate()
  log('done')
}
