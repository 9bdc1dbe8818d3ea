import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { Contact } from '#helpdesk/index'
import SaveWidget from '#channels/actions/save_widget'
import { userHashOf } from '#channels/services/widget_identity'
import PrivacyRequest from '#privacy/models/privacy_request'
import PrivacyCertificate from '#privacy/models/privacy_certificate'
import { identifiersOf, resolveSubject } from '#privacy/services/subject_lookup'
import { smtpSink } from '#tests/helpers/smtp_sink'
import { assertAnswers404 } from '#tests/helpers/tenancy'
import { approveAndFulfil, privacyGroup, privacyWorkspace } from '#tests/privacy/fixtures'

const SITE = 'https://shop.example.test'

function fromSite(request: ReturnType<ApiClient['post']>, token?: string, origin = SITE) {
  const withOrigin = request.header('origin', origin).accept('json')
  return token ? withOrigin.header('authorization', `Bearer ${token}`) : withOrigin
}

/** A workspace with a widget on SITE; `visitor()` opens a session, signed in by the site when an external id is given. */
async function widgetWorkspace(client: ApiClient) {
  const { workspace, members, desk } = await privacyWorkspace()
  const { widget, secret } = await new SaveWidget().handle(workspace.id, { name: 'Support', color: '#4c6ef5', greeting: 'Hi!', allowedOrigins: [SITE], aiEnabled: false })
  async function visitor(identity?: { externalId: string; email?: string; name?: string; forged?: boolean }) {
    const started = await fromSite(client.post(`/widget/${widget.id}/sessions`))
    started.assertStatus(201)
    const token = started.body().token as string
    if (identity) {
      const userHash = identity.forged ? 'f'.repeat(64) : userHashOf(secret!, identity.externalId)
      const identified = await fromSite(client.post(`/widget/${widget.id}/identify`), token).json({ externalId: identity.externalId, email: identity.email, name: identity.name, userHash })
      identified.assertStatus(200)
    }
    return token
  }
  const ask = (token: string | undefined, body: Record<string, unknown>, options: { widgetId?: string; origin?: string } = {}) =>
    fromSite(client.post(`/widget/${options.widgetId ?? widget.id}/privacy-requests`), token, options.origin).json(body)
  return { workspace, members, desk, widget, visitor, ask }
}

test.group('Privacy desk: requests from the chat widget', (group) => {
  privacyGroup(group)

  test('a visitor signed in by the site files a request that starts verified, with its acknowledgement and trail', async ({ client, assert }) => {
    const { workspace, members, desk, visitor, ask } = await widgetWorkspace(client)
    const token = await visitor({ externalId: 'user-42', email: 'Wanda@Example.test', name: 'Wanda Widget' })

    const response = await ask(token, { type: 'access', details: 'Everything you hold about me, please.' })
    response.assertStatus(201)
    assert.equal(response.header('access-control-allow-origin'), SITE)
    const { reference, statusUrl, message } = response.body()
    assert.match(reference, /^DSR-[0-9A-F]{8}$/)
    assert.include(message, 'no confirmation email is needed')
    assert.include(statusUrl, `/privacy/${workspace.slug}/status/`)

    const request = await PrivacyRequest.query().where('workspace_id', workspace.id).firstOrFail()
    assert.equal(request.status, 'verified')
    assert.equal(request.verifiedVia, 'widget_session')
    assert.equal(request.email, 'wanda@example.test')
    assert.equal(request.details?.message, 'Everything you hold about me, please.')
    const contact = await Contact.query().where('workspace_id', workspace.id).firstOrFail()
    assert.equal(request.subjectContactId, contact.id)
    // Verification time counts toward the deadline: verified on arrival, due a month (target 30 days) after receipt.
    assert.equal(request.verifiedAt!.toMillis(), request.receivedAt.toMillis())
    assert.isAtMost(Math.round(request.dueAt.diff(request.receivedAt, 'days').days), 31)
    assert.isNotNull(request.acknowledgedAt)

    const mail = await smtpSink.lastTo('wanda@example.test', /We received your privacy request/)
    assert.include(mail.text, '/status/')
    assert.isUndefined(smtpSink.messages.find((sent) => /Confirm your privacy request/.test(sent.subject)), 'no confirmation link is sent')

    const trail = await db.from('privacy_request_events').where('request_id', request.id).orderBy('created_at').select('action', 'metadata')
    assert.includeMembers(trail.map((step) => step.action), ['received', 'verified'])
    assert.equal(trail.find((step) => step.action === 'verified').metadata.via, 'widget_session')
    const audited = await db.from('audit_entries').where('workspace_id', workspace.id).where('action', 'privacy.request_verified').firstOrFail()
    assert.equal(audited.target_id, request.id)

    // The status link works; staff see the request in the queue and how it was verified.
    const status = await client.get(new URL(statusUrl).pathname).withInertia()
    status.assertStatus(200)
    const queue = await client.get(desk).loginAs(members.privacy).withInertia()
    const item = (queue.inertiaProps as any).requests.find((row: { id: string }) => row.id === request.id)
    assert.equal(item.status, 'verified')
    assert.equal(item.verifiedVia, 'Widget (signed in on the site)')
  })

  test('a visitor known only by the site’s user id (no email) is found through the contact the widget knows', async ({ client, assert }) => {
    const { workspace, members, desk, visitor, ask } = await widgetWorkspace(client)
    const token = await visitor({ externalId: 'user-no-mail' })
    await fromSite(client.post(`/widget/${(await db.from('widgets').where('workspace_id', workspace.id).first()).id}/messages`), token).json({ body: 'Hello from the widget' })
    const response = await ask(token, { type: 'erasure' })
    response.assertStatus(201)
    const request = await PrivacyRequest.query().where('workspace_id', workspace.id).firstOrFail()
    assert.isNull(request.email)
    const subject = await resolveSubject(identifiersOf(request))
    assert.deepEqual(subject.ids.contact, [request.subjectContactId])
    assert.lengthOf(smtpSink.messages, 0, 'no address, no mail')

    // Staff see the data found through the contact (no address to search by).
    const detail = await client.get(`${desk}/${request.id}`).loginAs(members.privacy).withInertia()
    assert.equal(((detail.inertiaProps as any).request.dataFound.tables as { table: string; rows: number }[]).find((table) => table.table === 'contacts')?.rows, 1)
    assert.equal((detail.inertiaProps as any).request.email, 'widget visitor (no email on file)')

    // Staff fulfil the erasure: the contact and their chat are gone, and the request forgets the contact id.
    const fulfilled = await approveAndFulfil(client, members.privacy, desk, request.id)
    assert.oneOf(fulfilled.status(), [200, 302])
    await request.refresh()
    assert.equal(request.status, 'completed')
    assert.isNull(request.subjectContactId)
    assert.isNull(await Contact.find(subject.ids.contact![0]))
    assert.lengthOf(await db.from('tickets').where('workspace_id', workspace.id), 0)
    const certificate = await PrivacyCertificate.findByOrFail('request_id', request.id)
    assert.equal(certificate.payload.residueCheck.findings, 0, 'no residue, the request’s contact link included')
  })

  test('a visitor with no address on file gets their export from the status page, once', async ({ client, assert }) => {
    const { workspace, members, desk, widget, visitor, ask } = await widgetWorkspace(client)
    const token = await visitor({ externalId: 'user-export' })
    ;(await fromSite(client.post(`/widget/${widget.id}/messages`), token).json({ body: 'My order never came' })).assertStatus(201)
    const filed = await ask(token, { type: 'access' })
    filed.assertStatus(201)
    const statusPath = new URL(filed.body().statusUrl).pathname
    const request = await PrivacyRequest.query().where('workspace_id', workspace.id).firstOrFail()
    assert.isNull((await client.get(statusPath).withInertia()).inertiaProps.exportUrl as null, 'nothing to download before fulfilment')

    const fulfilled = await approveAndFulfil(client, members.privacy, desk, request.id)
    assert.oneOf(fulfilled.status(), [200, 302])
    await request.refresh()
    assert.equal(request.status, 'completed')
    const page = await client.get(statusPath).withInertia()
    const exportUrl = (page.inertiaProps as any).exportUrl as string
    assert.equal(exportUrl, `${statusPath}/export`)

    const issued = await client.get(exportUrl).redirects(0)
    issued.assertStatus(302)
    const download = new URL(issued.header('location') as string)
    const zip = await client.get(download.pathname + download.search)
    zip.assertStatus(200)
    assert.equal(zip.header('content-type'), 'application/zip')
    ;(await client.get(download.pathname + download.search)).assertStatus(410)
    assert.isNull(((await client.get(statusPath).withInertia()).inertiaProps as any).exportUrl)
    ;(await client.get(exportUrl).redirects(0)).assertStatus(410)
    // A wrong status token opens nothing.
    ;(await client.get(`/privacy/${workspace.slug}/status/${request.id}/not-the-token/export`).redirects(0)).assertStatus(410)
  })

  test('a requester with an address on file gets the download link by mail only', async ({ client, assert }) => {
    const { workspace, members, desk, visitor, ask } = await widgetWorkspace(client)
    const token = await visitor({ externalId: 'user-mail', email: 'mailed@example.test' })
    const filed = await ask(token, { type: 'access' })
    const request = await PrivacyRequest.query().where('workspace_id', workspace.id).firstOrFail()
    await approveAndFulfil(client, members.privacy, desk, request.id)
    const statusPath = new URL(filed.body().statusUrl).pathname
    assert.isNull(((await client.get(statusPath).withInertia()).inertiaProps as any).exportUrl)
    ;(await client.get(`${statusPath}/export`).accept('json').redirects(0)).assertStatus(409)
  })

  test('asking again merges into the open request of the same contact; an address match alone is never trusted', async ({ client, assert }) => {
    const { workspace, visitor, ask } = await widgetWorkspace(client)
    const token = await visitor({ externalId: 'user-mia', email: 'mia@example.test' })
    // Someone asked on the portal for this address and has not confirmed: the widget must not confirm it for them
    // (the HMAC vouches for the site's user id, not for the address the site sent along).
    const portal = await client.post(`/privacy/${workspace.slug}/requests`).withCsrfToken().json({ type: 'erasure', email: 'mia@example.test' }).accept('json').redirects(0)
    portal.assertStatus(302)
    const waiting = await PrivacyRequest.query().where('workspace_id', workspace.id).firstOrFail()
    const waitingStatusHash = waiting.statusTokenHash

    const first = await ask(token, { type: 'erasure' })
    first.assertStatus(201)
    const second = await ask(token, { type: 'erasure', details: 'Please hurry.' })
    second.assertStatus(201)
    assert.include(second.body().message, 'already had this request open')
    assert.equal(second.body().reference, first.body().reference)

    await waiting.refresh()
    assert.equal(waiting.status, 'verifying', 'the portal request still waits for its own email link')
    assert.isNull(waiting.verifiedVia)
    assert.equal(waiting.statusTokenHash, waitingStatusHash)
    const fromWidget = await PrivacyRequest.query().where('workspace_id', workspace.id).whereNot('id', waiting.id)
    assert.lengthOf(fromWidget, 1)
    assert.equal(fromWidget[0].mergedCount, 1)
    assert.equal(fromWidget[0].verifiedVia, 'widget_session')
    // The newest status link works, the one it replaced does not.
    ;(await client.get(new URL(second.body().statusUrl).pathname).withInertia()).assertStatus(200)
    ;(await client.get(new URL(first.body().statusUrl).pathname)).assertStatus(410)
    // A different type is a new request.
    ;(await ask(token, { type: 'access' })).assertStatus(201)
    assert.lengthOf(await PrivacyRequest.query().where('workspace_id', workspace.id), 3)
  })

  test('anonymous visitors and forged identities get 403 and are pointed to the portal', async ({ client, assert }) => {
    const { workspace, visitor, ask } = await widgetWorkspace(client)
    const anonymous = await ask(await visitor(), { type: 'access' })
    anonymous.assertStatus(403)
    assert.include(anonymous.body().message, 'signed in on this site')
    assert.include(anonymous.body().message, 'privacy portal')
    const forged = await ask(await visitor({ externalId: 'ceo', email: 'ceo@example.test', forged: true }), { type: 'erasure' })
    forged.assertStatus(403)
    assert.lengthOf(await PrivacyRequest.query().where('workspace_id', workspace.id), 0)
  })

  test('other origins, other widgets’ sessions, unknown widgets and other workspaces are refused', async ({ client, assert }) => {
    const mine = await widgetWorkspace(client)
    const theirs = await widgetWorkspace(client)
    const token = await mine.visitor({ externalId: 'user-1', email: 'one@example.test' })
    ;(await mine.ask(token, { type: 'access' }, { origin: 'https://evil.example.test' })).assertStatus(403)
    ;(await mine.ask(undefined, { type: 'access' })).assertStatus(401)
    ;(await mine.ask('not-a-token', { type: 'access' })).assertStatus(401)
    // My session used on another workspace's widget: not a session of that widget.
    ;(await mine.ask(token, { type: 'access' }, { widgetId: theirs.widget.id })).assertStatus(401)
    ;(await mine.ask(token, { type: 'access' }, { widgetId: '00000000-0000-4000-8000-000000000000' })).assertStatus(404)
    ;(await mine.ask(token, { type: 'access' }, { widgetId: 'not-a-widget' })).assertStatus(404)
    const preflight = await client.options(`/widget/${mine.widget.id}/privacy-requests`).header('origin', SITE)
    preflight.assertStatus(204)
    assert.lengthOf(await PrivacyRequest.query().whereIn('workspace_id', [mine.workspace.id, theirs.workspace.id]), 0)

    const filed = await mine.ask(token, { type: 'access' })
    filed.assertStatus(201)
    const request = await PrivacyRequest.query().where('workspace_id', mine.workspace.id).firstOrFail()
    // The other workspace's staff cannot open it: 404 like an unknown id.
    await assertAnswers404(client, theirs.members.privacy, [{ method: 'get', url: `${theirs.desk}/${request.id}` }])
  })

  test('bad input gets 422, floods get 429', async ({ client, assert }) => {
    const { visitor, ask } = await widgetWorkspace(client)
    const token = await visitor({ externalId: 'user-flood', email: 'flood@example.test' })
    ;(await ask(token, { type: 'delete_everything' })).assertStatus(422)
    ;(await ask(token, { type: 'access', details: 'x'.repeat(2001) })).assertStatus(422)
    ;(await ask(token, { type: 'objection', purposes: ['mind_control'] })).assertStatus(422)
    for (let i = 0; i < 3; i++) (await ask(token, { type: 'objection', purposes: ['marketing'] })).assertStatus(201)
    const flooded = await ask(token, { type: 'objection', purposes: ['marketing'] })
    flooded.assertStatus(429)
    assert.include(flooded.body().message, 'Wait 15 minutes')
  })
})
