import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { KnowledgeSource } from '#knowledge/index'
import SaveHelpArticle from '#channels/actions/save_help_article'
import PublishHelpArticle from '#channels/actions/publish_help_article'
import HelpCenterDomain from '#channels/models/help_center_domain'
import { assertAnswers404, assertRoleAccess } from '#tests/helpers/tenancy'
import { FakeDns } from '#tests/helpers/fakes/dns'
import { channelsGroup, channelsWorkspace, publishedArticle } from '#tests/channels/fixtures'

const fakeDns = new FakeDns()

function asAdmin(client: any, user: any, method: 'put' | 'post' | 'delete', url: string, body: Record<string, unknown> = {}) {
  return client[method](url).loginAs(user).withCsrfToken().json(body).accept('json')
}

test.group('Help center: custom domain', (group) => {
  channelsGroup(group)
  group.setup(async () => {
    await fakeDns.start()
    env.set('HELP_CENTER_DNS_SERVERS', fakeDns.server)
    return () => fakeDns.stop()
  })
  group.each.setup(() => fakeDns.reset())

  test('an admin sets a domain, gets the CNAME and TXT records, and verifies it through DNS; then the host serves the help center', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    await publishedArticle(workspace, 'Refund policy', 'Annual plans can be refunded within 30 days.')
    const saved = await asAdmin(client, members.admin, 'put', `${base}/help-center/domain`, { domain: ' Help.Acme.TEST. ' })
    saved.assertStatus(200)
    const { domain } = saved.body()
    assert.equal(domain.domain, 'help.acme.test')
    assert.isFalse(domain.verified)
    assert.deepEqual(domain.records[0], { type: 'CNAME', name: 'help.acme.test', value: new URL(env.get('APP_URL')).hostname })
    assert.equal(domain.records[1].name, '_vaultdesk-verification.help.acme.test')
    assert.match(domain.records[1].value, /^vaultdesk-verification=[0-9a-f]{32}$/)

    // Not served before verification: the host falls through to the normal app
    ;(await client.get('/').header('host', 'help.acme.test').redirects(0)).assertStatus(302)

    const early = await asAdmin(client, members.admin, 'post', `${base}/help-center/domain/verify`)
    early.assertStatus(422)
    assert.include(early.body().errors?.[0]?.message ?? early.body().message, 'No TXT record _vaultdesk-verification.help.acme.test was found')
    fakeDns.txt.set('_vaultdesk-verification.help.acme.test', ['v=spf1 -all', 'vaultdesk-verification=wrong'])
    ;(await asAdmin(client, members.admin, 'post', `${base}/help-center/domain/verify`)).assertStatus(422)
    fakeDns.txt.set('_vaultdesk-verification.help.acme.test', ['v=spf1 -all', domain.records[1].value])
    const verified = await asAdmin(client, members.admin, 'post', `${base}/help-center/domain/verify`)
    verified.assertStatus(200)
    assert.isTrue(verified.body().domain.verified)
    assert.deepInclude(fakeDns.queries, { name: '_vaultdesk-verification.help.acme.test', type: 16 })

    // Host routing: `/` and `/articles/:slug` on the custom domain; links and canonical use it
    const home = await client.get('/').header('host', 'help.acme.test').withInertia()
    home.assertStatus(200)
    assert.equal((home as any).inertiaComponent ?? home.body().component ?? 'channels/public_help_home', 'channels/public_help_home')
    const site = (home.inertiaProps as any).site
    assert.deepEqual(site, { name: workspace.name, slug: workspace.slug, basePath: '', canonicalBase: 'https://help.acme.test' })
    const article = await client.get('/articles/refund-policy').header('host', 'help.acme.test').withInertia()
    article.assertStatus(200)
    assert.equal((article.inertiaProps as any).article.title, 'Refund policy')
    ;(await client.get('/articles/no-such-article').header('host', 'help.acme.test').withInertia()).assertStatus(404)
    // On the app's own address the site stays at /help/<slug>, with the custom domain as canonical
    const onApp = (await client.get(`/help/${workspace.slug}`).withInertia()).inertiaProps as any
    assert.equal(onApp.site.basePath, `/help/${workspace.slug}`)
    assert.equal(onApp.site.canonicalBase, 'https://help.acme.test')
    // Unknown hosts fall through to the normal app
    ;(await client.get('/').header('host', 'unknown.example.test').redirects(0)).assertStatus(302)
    // New knowledge sources from articles link to the canonical address
    const second = await publishedArticle(workspace, 'Invoices', 'Invoices are emailed monthly.')
    assert.include((await KnowledgeSource.findOrFail(second.knowledgeSourceId)).pastedText!, 'https://help.acme.test/articles/invoices')

    // Changing the domain needs a new verification
    const changed = await asAdmin(client, members.owner, 'put', `${base}/help-center/domain`, { domain: 'support.acme.test' })
    assert.isFalse(changed.body().domain.verified)
    assert.notEqual(changed.body().domain.records[1].value, domain.records[1].value)
    ;(await client.get('/').header('host', 'help.acme.test').redirects(0)).assertStatus(302)
    ;(await asAdmin(client, members.owner, 'delete', `${base}/help-center/domain`)).assertStatus(200)
    assert.isNull(await HelpCenterDomain.findBy('workspace_id', workspace.id))
  })

  test('bad domain formats get 422; a domain belongs to one workspace only', async ({ client, assert }) => {
    const { members, base } = await channelsWorkspace()
    for (const bad of ['https://help.acme.test', 'help.acme.test/path', 'help.acme.test:8080', 'localhost', '192.168.1.10', '-bad-.acme.test', 'under_score.acme.test', 'a'.repeat(64) + '.acme.test', 'help..acme.test', '', 'help.acme.123']) {
      const response = await asAdmin(client, members.admin, 'put', `${base}/help-center/domain`, { domain: bad })
      assert.equal(response.status(), 422, `“${bad}” should be refused`)
    }
    ;(await asAdmin(client, members.admin, 'put', `${base}/help-center/domain`, { domain: new URL(env.get('APP_URL')).hostname + '.test' })).assertStatus(200)
    ;(await asAdmin(client, members.admin, 'put', `${base}/help-center/domain`, { domain: 'help.shared.test' })).assertStatus(200)
    const other = await channelsWorkspace()
    const taken = await asAdmin(client, other.members.owner, 'put', `${other.base}/help-center/domain`, { domain: 'HELP.shared.test' })
    taken.assertStatus(422)
    assert.include(JSON.stringify(taken.body()), 'already used by another help center')
    assert.lengthOf(await db.from('help_center_domains').where('domain', 'help.shared.test'), 1)
  })

  test('only owners and admins manage the domain; other workspaces answer 404; verifying without a domain is 404', async ({ client }) => {
    const { members, base } = await channelsWorkspace()
    const other = await channelsWorkspace()
    await assertRoleAccess(client, members, ['owner', 'admin'], () => ({ method: 'put', url: `${base}/help-center/domain`, body: { domain: 'help.roles.test' } }))
    for (const role of ['owner', 'admin', 'agent', 'privacy'] as const) {
      await assertAnswers404(client, members[role], [
        { method: 'put', url: `${other.base}/help-center/domain`, body: { domain: 'help.other.test' } },
        { method: 'post', url: `${other.base}/help-center/domain/verify` },
      ])
    }
    const fresh = await channelsWorkspace()
    ;(await asAdmin(client, fresh.members.owner, 'post', `${fresh.base}/help-center/domain/verify`)).assertStatus(404)
  })
})

test.group('Help center: articles feed the knowledge base', (group) => {
  channelsGroup(group)

  const chunksOf = (sourceId: string) => db.from('knowledge_chunks').where('source_id', sourceId).select('content', 'embedding')

  test('re-publishing replaces the source text, chunks and embeddings; unpublishing removes the source', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const article = await publishedArticle(workspace, 'Opening hours', 'We answer on weekdays from 9 to 17.')
    const sourceId = article.knowledgeSourceId!
    const before = await chunksOf(sourceId)
    assert.isAbove(before.length, 0)
    assert.include(before.map((row) => row.content).join(' '), 'weekdays from 9 to 17')

    await new SaveHelpArticle().handle(workspace, { title: 'Opening hours', body: 'We now answer every day from 8 to 20, weekends included.' }, article.id)
    const republished = await new PublishHelpArticle().handle(workspace, article.id, 'http://localhost')
    assert.equal(republished.knowledgeSourceId, sourceId, 'the same source is updated')
    const source = await KnowledgeSource.findOrFail(sourceId)
    assert.include(source.pastedText!, 'every day from 8 to 20')
    assert.equal(source.status, 'ready')
    const after = await chunksOf(sourceId)
    const text = after.map((row) => row.content).join(' ')
    assert.include(text, 'every day from 8 to 20')
    assert.notInclude(text, 'weekdays from 9 to 17')
    assert.notDeepEqual(after.map((row) => String(row.embedding)), before.map((row) => String(row.embedding)))
    assert.lengthOf(await KnowledgeSource.query().where('workspace_id', workspace.id), 1)

    ;(await client.post(`${base}/help-center/articles/${article.id}/unpublish`).loginAs(members.agent).withCsrfToken().accept('json')).assertStatus(200)
    assert.isNull(await KnowledgeSource.find(sourceId))
    assert.lengthOf(await chunksOf(sourceId), 0)
    const stored = await db.from('help_center_articles').where('id', article.id).first()
    assert.isNull(stored.knowledge_source_id)

    // Publishing again adds a fresh source
    await new SaveHelpArticle().handle(workspace, { title: 'Opening hours', body: 'Back: every day from 8 to 20.' }, article.id)
    const again = await new PublishHelpArticle().handle(workspace, article.id, 'http://localhost')
    assert.isNotNull(again.knowledgeSourceId)
    assert.notEqual(again.knowledgeSourceId, sourceId)
  })

  test('deleting an article deletes its source; a source deleted in the knowledge base is added again on the next publication', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const article = await publishedArticle(workspace, 'Shipping', 'We ship within two days.')
    await db.from('knowledge_chunks').where('source_id', article.knowledgeSourceId!).delete()
    await db.from('knowledge_sources').where('id', article.knowledgeSourceId!).delete()
    await new SaveHelpArticle().handle(workspace, { title: 'Shipping', body: 'We ship within one day.' }, article.id)
    const republished = await new PublishHelpArticle().handle(workspace, article.id, 'http://localhost')
    assert.notEqual(republished.knowledgeSourceId, article.knowledgeSourceId)
    const sourceId = republished.knowledgeSourceId!
    assert.include((await KnowledgeSource.findOrFail(sourceId)).pastedText!, 'within one day')

    ;(await client.delete(`${base}/help-center/articles/${article.id}`).loginAs(members.admin).withCsrfToken().accept('json')).assertStatus(200)
    assert.isNull(await KnowledgeSource.find(sourceId))
    assert.lengthOf(await chunksOf(sourceId), 0)
  })
})
