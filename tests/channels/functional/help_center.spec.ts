import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { Ticket, Contact } from '#helpdesk/index'
import { KnowledgeSource } from '#knowledge/index'
import { assertAnswers404, assertRoleAccess } from '#tests/helpers/tenancy'
import SaveHelpArticle from '#channels/actions/save_help_article'
import { channelsGroup, channelsWorkspace, publishedArticle, visitorPost } from '#tests/channels/fixtures'

/** The props a public page renders with. */
async function pageProps(client: ApiClient, url: string, qs: Record<string, string> = {}) {
  const response = await client.get(url).qs(qs).withInertia()
  response.assertStatus(200)
  return response.inertiaProps as any
}

test.group('Help center: writing and publishing', (group) => {
  channelsGroup(group)

  test('an agent drafts, publishes and revises an article; the public sees only published, sanitised versions', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const category = await client.post(`${base}/help-center/categories`).loginAs(members.agent).withCsrfToken().json({ name: 'Billing' }).accept('json')
    category.assertStatus(201)
    const created = await client
      .post(`${base}/help-center/articles`)
      .loginAs(members.agent)
      .withCsrfToken()
      .json({ title: 'Refund policy', body: '# Refunds\n\nWithin **30 days**.<script>alert(1)</script> <a href="javascript:alert(1)">x</a> <img src=x onerror=alert(1)>', categoryId: category.body().category.id })
      .accept('json')
    created.assertStatus(201)
    const id = created.body().article.id
    assert.equal(created.body().article.slug, 'refund-policy')

    // A draft is not public.
    ;(await client.get(`/help/${workspace.slug}/articles/refund-policy`)).assertStatus(404)

    const published = await client.post(`${base}/help-center/articles/${id}/publish`).loginAs(members.agent).withCsrfToken().accept('json')
    published.assertStatus(200)
    assert.equal(published.body().article.publishedVersion, 1)

    const { article } = await pageProps(client, `/help/${workspace.slug}/articles/refund-policy`)
    assert.include(article.html, '<strong>30 days</strong>')
    assert.notInclude(article.html, '<script')
    assert.notInclude(article.html, 'javascript:')
    assert.notInclude(article.html, 'onerror')

    // A saved draft stays private until published again, as version 2.
    await client.put(`${base}/help-center/articles/${id}`).loginAs(members.agent).withCsrfToken().json({ title: 'Refund policy', body: 'Within **60 days**.', categoryId: null }).accept('json').then((r) => r.assertStatus(200))
    assert.include((await pageProps(client, `/help/${workspace.slug}/articles/refund-policy`)).article.html, '30 days')
    await client.post(`${base}/help-center/articles/${id}/publish`).loginAs(members.agent).withCsrfToken().accept('json').then((r) => r.assertStatus(200))
    assert.include((await pageProps(client, `/help/${workspace.slug}/articles/refund-policy`)).article.html, '60 days')
    const versions = await db.from('help_center_article_versions').where('article_id', id).orderBy('version')
    assert.deepEqual(versions.map((version) => version.version), [1, 2])

    // Publishing the same text again is refused with a message.
    const again = await client.post(`${base}/help-center/articles/${id}/publish`).loginAs(members.agent).withCsrfToken().accept('json')
    again.assertStatus(422)
    assert.include(again.body().message ?? JSON.stringify(again.body()), 'already published')

    // Unpublishing takes it off the site; the audit log saw every step.
    await client.post(`${base}/help-center/articles/${id}/unpublish`).loginAs(members.agent).withCsrfToken().accept('json').then((r) => r.assertStatus(200))
    ;(await client.get(`/help/${workspace.slug}/articles/refund-policy`)).assertStatus(404)
    const actions = (await db.from('audit_entries').where('workspace_id', workspace.id).where('target_id', id).select('action')).map((row) => row.action)
    assert.includeMembers(actions, ['help_center.article_created', 'help_center.article_published', 'help_center.article_updated', 'help_center.article_unpublished'])
  })

  test('the first publication feeds the knowledge base as a text source', async ({ assert }) => {
    const { workspace } = await channelsWorkspace()
    const article = await publishedArticle(workspace, 'Opening hours', 'We answer **on weekdays** from 9 to 17.')
    assert.isNotNull(article.knowledgeSourceId)
    const source = await KnowledgeSource.findOrFail(article.knowledgeSourceId)
    assert.equal(source.workspaceId, workspace.id)
    assert.equal(source.kind, 'text')
    assert.include(source.pastedText!, 'on weekdays')
    assert.include(source.pastedText!, `/help/${workspace.slug}/articles/opening-hours`)
  })

  test('slugs stay unique per workspace, and bad input gets 422', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const first = await new SaveHelpArticle().handle(workspace, { title: 'Getting started', body: '' })
    const second = await new SaveHelpArticle().handle(workspace, { title: 'Getting started!', body: '' })
    assert.equal(first.slug, 'getting-started')
    assert.equal(second.slug, 'getting-started-2')
    const empty = await client.post(`${base}/help-center/articles/${first.id}/publish`).loginAs(members.admin).withCsrfToken().accept('json')
    empty.assertStatus(422)
    const noTitle = await client.post(`${base}/help-center/articles`).loginAs(members.admin).withCsrfToken().json({ title: '' }).accept('json')
    noTitle.assertStatus(422)
    const huge = await client.post(`${base}/help-center/articles`).loginAs(members.admin).withCsrfToken().json({ title: 'Huge', body: 'x'.repeat(100_001) }).accept('json')
    huge.assertStatus(422)
    const unknownCategory = await client.post(`${base}/help-center/articles`).loginAs(members.admin).withCsrfToken().json({ title: 'T', categoryId: 'nope' }).accept('json')
    unknownCategory.assertStatus(404)
  })
})

test.group('Help center: the public site', (group) => {
  channelsGroup(group)

  test('search finds published articles only, best match first', async ({ client, assert }) => {
    const { workspace } = await channelsWorkspace()
    await publishedArticle(workspace, 'Resetting your password', 'Open Settings, choose Security, then **Reset password**.')
    await publishedArticle(workspace, 'Invoices', 'Download invoices from Billing. A password is not needed.')
    await new SaveHelpArticle().handle(workspace, { title: 'Secret password draft', body: 'Unpublished password text.' })
    const other = await channelsWorkspace()
    await publishedArticle(other.workspace, 'Password elsewhere', 'Another workspace password article.')

    const { results } = (await pageProps(client, `/help/${workspace.slug}`, { q: 'reset password' }))
    assert.deepEqual(results.map((result: { slug: string }) => result.slug), ['resetting-your-password'])
    const broad = (await pageProps(client, `/help/${workspace.slug}`, { q: 'password' })).results
    assert.sameMembers(broad.map((result: { slug: string }) => result.slug), ['resetting-your-password', 'invoices'])
    assert.equal(broad[0].slug, 'resetting-your-password')
    assert.include(broad[0].snippet, '«')
    const none = (await pageProps(client, `/help/${workspace.slug}`, { q: 'kangaroo' }))
    assert.deepEqual(none.results, [])
    // Odd search syntax is not an error.
    ;(await client.get(`/help/${workspace.slug}`).qs({ q: '"unclosed -- OR & | ! (' })).assertStatus(200)
    // The home page lists published articles, never drafts.
    const home = await pageProps(client, `/help/${workspace.slug}`)
    assert.sameMembers(home.articles.map((article: { slug: string }) => article.slug), ['resetting-your-password', 'invoices'])
    assert.isNull(home.results)
  })

  test('an unknown or closed workspace has no help center', async ({ client }) => {
    ;(await client.get('/help/no-such-workspace')).assertStatus(404)
    ;(await visitorPost(client, '/help/no-such-workspace/contact', { email: 'a@example.test', message: 'Hi' })).assertStatus(404)
  })

  test('"was this helpful" counts anonymous votes, with a rate limit', async ({ client, assert }) => {
    const { workspace } = await channelsWorkspace()
    const article = await publishedArticle(workspace, 'Shipping', 'We ship worldwide.')
    const url = `/help/${workspace.slug}/articles/shipping/feedback`
    ;(await visitorPost(client, url, { helpful: true })).assertStatus(200)
    ;(await visitorPost(client, url, { helpful: false })).assertStatus(200)
    await article.refresh()
    assert.equal(article.helpfulCount, 1)
    assert.equal(article.notHelpfulCount, 1)
    ;(await visitorPost(client, url, { helpful: 'maybe' })).assertStatus(422)
    ;(await visitorPost(client, `/help/${workspace.slug}/articles/nope/feedback`, { helpful: true })).assertStatus(404)
    const statuses: number[] = []
    for (let index = 0; index < 30; index++) statuses.push((await visitorPost(client, url, { helpful: true })).status())
    assert.include(statuses, 429)
    await article.refresh()
    assert.isBelow(article.helpfulCount, 31)
  })

  test('the contact form creates a ticket from the visitor, with a rate limit', async ({ client, assert }) => {
    const { workspace } = await channelsWorkspace()
    const sent = await visitorPost(client, `/help/${workspace.slug}/contact`, { name: 'Ada', email: 'ada@example.test', subject: 'Login trouble', message: 'I cannot sign in.' })
    sent.assertStatus(201)
    const ticket = await Ticket.query().where('workspace_id', workspace.id).firstOrFail()
    assert.equal(ticket.channel, 'web')
    assert.equal(ticket.subject, 'Login trouble')
    const contact = await Contact.findOrFail(ticket.contactId)
    assert.equal(contact.email, 'ada@example.test')

    ;(await visitorPost(client, `/help/${workspace.slug}/contact`, { email: 'not-an-email', message: 'Hi' })).assertStatus(422)
    ;(await visitorPost(client, `/help/${workspace.slug}/contact`, { email: 'a@example.test', message: 'x'.repeat(5001) })).assertStatus(422)
    const statuses: number[] = []
    for (let index = 0; index < 6; index++) {
      statuses.push((await visitorPost(client, `/help/${workspace.slug}/contact`, { email: `flood${index}@example.test`, message: 'Hello' })).status())
    }
    assert.include(statuses, 429)
    const tickets = await Ticket.query().where('workspace_id', workspace.id)
    assert.isAtMost(tickets.length, 5)
  })
})

test.group('Help center: tenancy and roles', (group) => {
  channelsGroup(group)

  test("another workspace's categories and articles answer 404 for every role", async ({ client }) => {
    const { members, base } = await channelsWorkspace()
    const other = await channelsWorkspace()
    const foreign = await publishedArticle(other.workspace, 'Theirs', 'Their text.')
    const foreignCategory = await client.post(`${other.base}/help-center/categories`).loginAs(other.members.owner).withCsrfToken().json({ name: 'Theirs' }).accept('json')
    const categoryId = foreignCategory.body().category.id
    const routes = [
      { method: 'get' as const, url: `${base}/help-center/articles/${foreign.id}` },
      { method: 'get' as const, url: `${base}/help-center/articles/not-a-uuid` },
      { method: 'put' as const, url: `${base}/help-center/articles/${foreign.id}`, body: { title: 'Mine' } },
      { method: 'post' as const, url: `${base}/help-center/articles/${foreign.id}/publish` },
      { method: 'post' as const, url: `${base}/help-center/articles/${foreign.id}/unpublish` },
      { method: 'delete' as const, url: `${base}/help-center/articles/${foreign.id}` },
      { method: 'put' as const, url: `${base}/help-center/categories/${categoryId}`, body: { name: 'Mine' } },
      { method: 'delete' as const, url: `${base}/help-center/categories/${categoryId}` },
      { method: 'post' as const, url: `${base}/help-center/articles`, body: { title: 'Sneaky', categoryId } },
      { method: 'get' as const, url: `${other.base}/help-center` },
    ]
    for (const role of ['owner', 'admin', 'agent', 'privacy'] as const) await assertAnswers404(client, members[role], routes)
  })

  test('each role gets exactly its access', async ({ client }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const writers = ['owner', 'admin', 'agent'] as const
    const everyone = ['owner', 'admin', 'agent', 'privacy'] as const
    const fresh = (title: string) => new SaveHelpArticle().handle(workspace, { title, body: 'Some words.' })
    const own = await fresh('Own')
    await assertRoleAccess(client, members, [...everyone], () => ({ method: 'get', url: `${base}/help-center` }))
    await assertRoleAccess(client, members, [...everyone], () => ({ method: 'get', url: `${base}/help-center/articles/${own.id}` }))
    await assertRoleAccess(client, members, [...writers], () => ({ method: 'post', url: `${base}/help-center/articles`, body: { title: 'New' } }))
    await assertRoleAccess(client, members, [...writers], () => ({ method: 'put', url: `${base}/help-center/articles/${own.id}`, body: { title: 'Renamed', body: 'x' } }))
    await assertRoleAccess(client, members, [...writers], async () => ({ method: 'post', url: `${base}/help-center/articles/${(await fresh('P')).id}/publish` }))
    await assertRoleAccess(client, members, [...writers], () => ({ method: 'post', url: `${base}/help-center/articles/${own.id}/unpublish` }))
    await assertRoleAccess(client, members, [...writers], async () => ({ method: 'delete', url: `${base}/help-center/articles/${(await fresh('D')).id}` }))
    await assertRoleAccess(client, members, [...writers], () => ({ method: 'post', url: `${base}/help-center/categories`, body: { name: 'C' } }))
    const category = await client.post(`${base}/help-center/categories`).loginAs(members.owner).withCsrfToken().json({ name: 'Kept' }).accept('json')
    await assertRoleAccess(client, members, [...writers], () => ({ method: 'put', url: `${base}/help-center/categories/${category.body().category.id}`, body: { name: 'Kept' } }))
    await assertRoleAccess(client, members, [...writers], async () => {
      const doomed = await client.post(`${base}/help-center/categories`).loginAs(members.owner).withCsrfToken().json({ name: 'Doomed' }).accept('json')
      return { method: 'delete', url: `${base}/help-center/categories/${doomed.body().category.id}` }
    })
  })
})
