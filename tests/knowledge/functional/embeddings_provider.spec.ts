import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import KnowledgeSource from '#knowledge/models/knowledge_source'
import { embedderFor, searchKnowledge } from '#knowledge/index'
import { VALID_EMBEDDINGS_KEY } from '#tests/helpers/fakes/embeddings'
import { REFUNDS_ARTICLE, addText, asMember, fakeEmbeddings, knowledgeGroup, knowledgeWorkspace } from '#tests/knowledge/fixtures'

function useProvider(client: any, user: any, base: string, overrides: Record<string, unknown> = {}) {
  return asMember(client, user, 'put', `${base}/ai/settings`, {
    redactionEnabled: true,
    embeddingProvider: 'openai',
    embeddingBaseUrl: fakeEmbeddings.url,
    embeddingModel: 'text-embedding-3-small',
    embeddingApiKey: VALID_EMBEDDINGS_KEY,
    ...overrides,
  })
}

test.group('Embeddings provider', (group) => {
  knowledgeGroup(group)

  test('switching to an embeddings API re-embeds every source through it, at 256 dimensions, with the sealed key', async ({ client, assert }) => {
    const { workspace, members, base } = await knowledgeWorkspace()
    const source = await addText(workspace.id, 'Billing', REFUNDS_ARTICLE)
    assert.equal(source.embeddingModel, 'local-lexical-v1')

    const saved = await useProvider(client, members.admin, base)
    saved.assertStatus(200)
    assert.equal(saved.body().message, 'AI settings saved. 1 sources are being embedded again with the new model.')
    assert.equal(saved.body().knowledge.embeddingKeyHint, '••••0001')
    const [row] = await db.from('knowledge_settings').where('workspace_id', workspace.id)
    assert.match(row.embedding_api_key, /^vd1:w\d+:/)

    const reembedded = await KnowledgeSource.findOrFail(source.id)
    assert.equal(reembedded.status, 'ready')
    assert.equal(reembedded.embeddingModel, 'openai:text-embedding-3-small')
    assert.equal(fakeEmbeddings.requests[0].body.dimensions, 256)
    assert.equal(fakeEmbeddings.requests[0].headers.authorization, `Bearer ${VALID_EMBEDDINGS_KEY}`)
    assert.include(fakeEmbeddings.requests[0].body.input.join(' '), 'Annual plans can be refunded')

    // Queries use the same API
    const passages = await searchKnowledge(workspace.id, 'refund annual plan', await embedderFor(workspace.id))
    assert.equal(passages[0].heading, 'Billing › Refunds')
    assert.deepEqual(fakeEmbeddings.requests.at(-1)!.body.input, ['refund annual plan'])
  })

  test('a wrong key or a model with another dimension fails the source with a clear reason', async ({ client, assert }) => {
    const { workspace, members, base } = await knowledgeWorkspace()
    const source = await addText(workspace.id, 'Billing', REFUNDS_ARTICLE)
    await useProvider(client, members.admin, base, { embeddingApiKey: 'emb-wrong-key-000000' })
    let failed = await KnowledgeSource.findOrFail(source.id)
    assert.equal(failed.status, 'failed')
    assert.equal(failed.failureReason, 'The embeddings provider refused the API key. Check it in AI settings.')

    await useProvider(client, members.admin, base, { embeddingModel: 'text-embedding-3-large' })
    fakeEmbeddings.forceDimension = 3072
    await asMember(client, members.admin, 'post', `${base}/knowledge/${source.id}/resync`).then((response) => response.assertStatus(200))
    failed = await KnowledgeSource.findOrFail(source.id)
    assert.equal(failed.failureReason, 'The embeddings provider returned 3072-dimensional vectors; Vaultdesk stores 256. Choose a model that supports 256 dimensions.')
  })
})
