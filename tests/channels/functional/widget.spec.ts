import { test } from '@japa/runner'
import { gzipSync } from 'node:zlib'
import { readFile } from 'node:fs/promises'
import type { ApiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { AddTicketMessage, Ticket, Contact, findContactByExternalId } from '#helpdesk/index'
import SaveWidget from '#channels/actions/save_widget'
import { purgeWidgetSessions } from '#channels/jobs/purge_widget_sessions'
import { tokenHashOf } from '#channels/services/widget_access'
import { userHashOf } from '#channels/services/widget_identity'
import { assertAnswers404, assertRoleAccess } from '#tests/helpers/tenancy'
import { channelsGroup, channelsWorkspace } from '#tests/channels/fixtures'

const SITE = 'https://shop.example.test'

async function widgetFor(workspaceId: string) {
  return new SaveWidget().handle(workspaceId, { name: 'Support', color: '#4c6ef5', greeting: 'Hi!', allowedOrigins: [SITE], aiEnabled: false })
}

function fromSite(request: ReturnType<ApiClient['post']>, token?: string, origin = SITE) {
  const withOrigin = request.header('origin', origin).accept('json')
  return token ? withOrigin.header('authorization', `Bearer ${token}`) : withOrigin
}

async function startSession(client: ApiClient, widgetId: string) {
  const response = await fromSite(client.post(`/widget/${widgetId}/sessions`))
  response.assertStatus(201)
  return response.body().token as string
}

test.group('Widget: settings', (group) => {
  channelsGroup(group)

  test('an admin creates the widget: the identity secret is shown once and sealed at rest', async ({ client, assert }) => {
    const { members, base } = await channelsWorkspace()
    const created = await client.put(`${base}/widget`).loginAs(members.admin).withCsrfToken().json({ name: 'Help', color: '#112233', greeting: 'Hello', allowedOrigins: ['https://www.example.test/some/page', 'https://www.example.test'] }).accept('json')
    created.assertStatus(201)
    const { widget, snippet, identitySecret } = created.body()
    assert.deepEqual(widget.allowedOrigins, ['https://www.example.test'])
    assert.match(identitySecret, /^[0-9a-f]{64}$/)
    assert.include(snippet, `data-widget="${widget.id}"`)
    assert.include(snippet, '/widget/loader.js')
    const raw = await db.from('widgets').where('id', widget.id).first()
    assert.notInclude(raw.identity_secret, identitySecret)
    const shown = await client.get(`${base}/widget`).loginAs(members.admin).accept('json')
    assert.notInclude(JSON.stringify(shown.body()), identitySecret)
    const updated = await client.put(`${base}/widget`).loginAs(members.owner).withCsrfToken().json({ name: 'Help', color: '#112233', greeting: 'Hello again', allowedOrigins: ['https://www.example.test'] }).accept('json')
    updated.assertStatus(200)
    assert.isNull(updated.body().identitySecret)
    const bad = await client.put(`${base}/widget`).loginAs(members.owner).withCsrfToken().json({ name: 'Help', color: 'blue', greeting: 'x', allowedOrigins: ['not a url'] }).accept('json')
    bad.assertStatus(422)
    const badOrigin = await client.put(`${base}/widget`).loginAs(members.owner).withCsrfToken().json({ name: 'Help', color: '#112233', greeting: 'x', allowedOrigins: ['ftp://files.example.test'] }).accept('json')
    badOrigin.assertStatus(422)
  })

  test('only owners and admins configure the widget; other workspaces answer 404', async ({ client }) => {
    const { members, base } = await channelsWorkspace()
    const other = await channelsWorkspace()
    await assertRoleAccess(client, members, ['owner', 'admin'], () => ({ method: 'get', url: `${base}/widget` }))
    await assertRoleAccess(client, members, ['owner', 'admin'], () => ({ method: 'put', url: `${base}/widget`, body: { name: 'W', color: '#000000', greeting: 'Hi', allowedOrigins: [SITE] } }))
    for (const role of ['owner', 'admin', 'agent', 'privacy'] as const) await assertAnswers404(client, members[role], [{ method: 'get', url: `${other.base}/widget` }])
  })

  test('the loader script stays far under 30 KB gzipped', async ({ assert }) => {
    const loader = await readFile(app.makePath('public/widget/loader.js'))
    const gzipped = gzipSync(loader, { level: 9 }).byteLength
    console.log(`widget loader: ${loader.byteLength} bytes, ${gzipped} bytes gzipped`)
    assert.isBelow(gzipped, 30 * 1024)
  })
})

test.group('Widget: public API', (group) => {
  channelsGroup(group)

  test('a visitor chats: the message becomes a chat ticket, the agent reply comes back, notes never do', async ({ client, assert }) => {
    const { workspace, members } = await channelsWorkspace()
    const { widget } = await widgetFor(workspace.id)
    const token = await startSession(client, widget.id)
    const sent = await fromSite(client.post(`/widget/${widget.id}/messages`), token).json({ body: 'Where is my order?' })
    sent.assertStatus(201)
    assert.equal(sent.header('access-control-allow-origin'), SITE)
    const ticket = await Ticket.query().where('workspace_id', workspace.id).firstOrFail()
    assert.equal(ticket.channel, 'chat')
    await fromSite(client.post(`/widget/${widget.id}/messages`), token).json({ body: 'Order 42.' }).then((r) => r.assertStatus(201))
    assert.lengthOf(await Ticket.query().where('workspace_id', workspace.id), 1)

    await new AddTicketMessage().handle({ workspaceId: workspace.id, ticketId: ticket.id, authorUserId: members.agent.id, kind: 'outbound', body: 'It ships today.' })
    await new AddTicketMessage().handle({ workspaceId: workspace.id, ticketId: ticket.id, authorUserId: members.agent.id, kind: 'note', body: 'Internal: VIP customer' })
    const history = await fromSite(client.get(`/widget/${widget.id}/messages`) as any, token)
    history.assertStatus(200)
    assert.deepEqual(
      history.body().messages.map((message: { from: string; body: string }) => [message.from, message.body]),
      [['visitor', 'Where is my order?'], ['visitor', 'Order 42.'], ['agent', 'It ships today.']]
    )
    // The token is stored only as a keyed hash.
    const stored = await db.from('widget_sessions').where('widget_id', widget.id).first()
    assert.notEqual(stored.token_hash, token)
    assert.notInclude(JSON.stringify(stored), token)
  })

  test('requests from other origins are refused with 403 on every call, and a session is bound to its origin', async ({ client }) => {
    const { workspace } = await channelsWorkspace()
    const { widget } = await widgetFor(workspace.id)
    const token = await startSession(client, widget.id)
    const evil = 'https://evil.example.test'
    ;(await fromSite(client.post(`/widget/${widget.id}/sessions`), undefined, evil)).assertStatus(403)
    ;(await fromSite(client.post(`/widget/${widget.id}/messages`), token, evil).json({ body: 'hi' })).assertStatus(403)
    ;(await fromSite(client.get(`/widget/${widget.id}/messages`) as any, token, evil)).assertStatus(403)
    ;(await fromSite(client.post(`/widget/${widget.id}/identify`), token, evil).json({ externalId: 'u1' })).assertStatus(403)
    ;(await fromSite(client.get(`/widget/${widget.id}/events`).qs({ token }) as any, undefined, evil)).assertStatus(403)
    ;(await client.post(`/widget/${widget.id}/sessions`).accept('json')).assertStatus(403)
    ;(await client.options(`/widget/${widget.id}/messages`).header('origin', evil)).assertStatus(403)
    const preflight = await client.options(`/widget/${widget.id}/messages`).header('origin', SITE)
    preflight.assertStatus(204)
    preflight.assertHeader('access-control-allow-origin', SITE)
    ;(await fromSite(client.post('/widget/not-a-widget/sessions'))).assertStatus(404)
  })

  test('bad tokens, huge messages and floods get clear 4xx answers', async ({ client, assert }) => {
    const { workspace } = await channelsWorkspace()
    const { widget } = await widgetFor(workspace.id)
    const token = await startSession(client, widget.id)
    ;(await fromSite(client.post(`/widget/${widget.id}/messages`), 'forged-token').json({ body: 'hi' })).assertStatus(401)
    ;(await fromSite(client.post(`/widget/${widget.id}/messages`)).json({ body: 'hi' })).assertStatus(401)
    ;(await fromSite(client.post(`/widget/${widget.id}/messages`), token).json({ body: 'x'.repeat(4001) })).assertStatus(422)
    ;(await fromSite(client.post(`/widget/${widget.id}/messages`), token).json({ body: '   ' })).assertStatus(422)
    const statuses: number[] = []
    for (let index = 0; index < 21; index++) statuses.push((await fromSite(client.post(`/widget/${widget.id}/messages`), token).json({ body: `m${index}` })).status())
    assert.deepEqual(statuses.slice(0, 20), Array(20).fill(201))
    assert.equal(statuses[20], 429)
  })

  test('identify: a valid user hash links the contact, a forged one is ignored and logged', async ({ client, assert }) => {
    const { workspace } = await channelsWorkspace()
    const { widget, secret } = await widgetFor(workspace.id)
    const forgedToken = await startSession(client, widget.id)
    const forged = await fromSite(client.post(`/widget/${widget.id}/identify`), forgedToken).json({ externalId: 'user-7', email: 'ceo@example.test', userHash: 'f'.repeat(64) })
    forged.assertStatus(200)
    assert.isFalse(forged.body().verified)
    await fromSite(client.post(`/widget/${widget.id}/messages`), forgedToken).json({ body: 'I am the CEO' })
    const anonymous = await Contact.findOrFail((await Ticket.query().where('workspace_id', workspace.id).firstOrFail()).contactId)
    assert.notEqual(anonymous.email, 'ceo@example.test')
    const rejected = await db.from('audit_entries').where('workspace_id', workspace.id).where('action', 'widget.identity_rejected').first()
    assert.exists(rejected)
    assert.notInclude(JSON.stringify(rejected), 'ceo@example.test')

    const token = await startSession(client, widget.id)
    const verified = await fromSite(client.post(`/widget/${widget.id}/identify`), token).json({ externalId: 'user-8', name: 'Vera', email: 'vera@example.test', traits: { plan: 'pro', seats: 3, nested: { no: true } }, userHash: userHashOf(secret!, 'user-8') })
    assert.isTrue(verified.body().verified)
    await fromSite(client.post(`/widget/${widget.id}/messages`), token).json({ body: 'Hello from Vera' })
    const session = await db.from('widget_sessions').where('widget_id', widget.id).where('identity_verified', true).first()
    const contact = await Contact.findOrFail(session.contact_id)
    assert.equal(contact.email, 'vera@example.test')
    assert.deepEqual(contact.traits, { plan: 'pro', seats: 3 })
    const ticket = await Ticket.findOrFail(session.ticket_id)
    assert.equal(ticket.contactId, contact.id)
    // An external id alone is enough.
    const bare = await startSession(client, widget.id)
    const onlyId = await fromSite(client.post(`/widget/${widget.id}/identify`), bare).json({ externalId: 'user-9', userHash: userHashOf(secret!, 'user-9') })
    onlyId.assertStatus(200)
    assert.isTrue(onlyId.body().verified)
    // A signed-in visitor whose email another contact already has (say, from an old email
    // ticket) is identified all the same; the hash vouches for the external id, not the email.
    const known = await startSession(client, widget.id)
    const again = await fromSite(client.post(`/widget/${widget.id}/identify`), known).json({ externalId: 'user-10', name: 'Vera again', email: 'vera@example.test', userHash: userHashOf(secret!, 'user-10') })
    again.assertStatus(200)
    assert.isTrue(again.body().verified)
    const newcomer = await findContactByExternalId(workspace.id, { system: 'widget', value: 'user-10' })
    assert.notEqual(newcomer!.id, contact.id)
    assert.isNull(newcomer!.email)
    assert.equal((await Contact.findOrFail(contact.id)).email, 'vera@example.test')
  })

  test('an expired session answers 401 and is purged by the hourly job', async ({ client, assert }) => {
    const { workspace } = await channelsWorkspace()
    const { widget } = await widgetFor(workspace.id)
    const token = await startSession(client, widget.id)
    const fresh = await startSession(client, widget.id)
    await db.from('widget_sessions').where('widget_id', widget.id).update({ expires_at: new Date(Date.now() - 1000) }).whereNot('token_hash', tokenHashOf(fresh))
    ;(await fromSite(client.post(`/widget/${widget.id}/messages`), token).json({ body: 'Still there?' })).assertStatus(401)
    await purgeWidgetSessions()
    const left = await db.from('widget_sessions').where('widget_id', widget.id)
    assert.lengthOf(left, 1)
    ;(await fromSite(client.post(`/widget/${widget.id}/messages`), fresh).json({ body: 'Hello' })).assertStatus(201)
  })
})
