import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { localEmbedding, toVectorLiteral, vectorCandidates, withIterativeScan } from '#knowledge/index'
import { REFUNDS_ARTICLE, addText, knowledgeGroup, knowledgeWorkspace } from '#tests/knowledge/fixtures'

/**
 * One HNSW graph over every tenant made a workspace's filtered search walk
 * other tenants' vectors (recall 0.6 in bench:retrieval). Chunks are
 * hash-partitioned by workspace, each partition with its own graph.
 */
test.group('Knowledge: retrieval walks only the workspace’s partition', (group) => {
  knowledgeGroup(group)

  test('a workspace’s vector search is planned on one partition’s own HNSW index', async ({ assert }) => {
    const { workspace } = await knowledgeWorkspace()
    const other = await knowledgeWorkspace()
    await addText(workspace.id, 'Billing', REFUNDS_ARTICLE)
    await addText(other.workspace.id, 'Billing', REFUNDS_ARTICLE)
    const literal = toVectorLiteral(localEmbedding('refund annual plan'))

    const plan = await withIterativeScan(async (trx) => {
      // Price sorting out, so the plan shows the index the search would walk at volume.
      await trx.rawQuery("SELECT set_config('enable_sort', 'off', true)")
      const result = await trx.rawQuery('EXPLAIN SELECT id FROM knowledge_chunks WHERE workspace_id = ? ORDER BY embedding <=> ?::vector LIMIT 10', [workspace.id, literal])
      return result.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n')
    })
    const partitions = new Set(plan.match(/knowledge_chunks_p\d\d\b/g) ?? [])
    assert.equal(partitions.size, 1, plan)
    assert.match(plan, /Index Scan using knowledge_chunks_p\d\d_embedding_idx/, plan)

    // Rows stay found through the parent table, and only the workspace's own.
    const [row] = await db.from('knowledge_chunks').where('workspace_id', workspace.id).count('* as count')
    assert.isAbove(Number(row.count), 0)
    const nearest = await vectorCandidates(workspace.id, localEmbedding('refund annual plan'), 10)
    const owners = await db.from('knowledge_chunks').whereIn('id', nearest.map((chunk) => chunk.id)).distinct('workspace_id')
    assert.deepEqual(owners.map((owner) => owner.workspace_id), [workspace.id])
  })
})
