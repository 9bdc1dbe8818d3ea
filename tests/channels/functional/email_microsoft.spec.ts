import { test } from '@japa/runner'
import { Ticket } from '#helpdesk/index'
import MailboxConnection from '#channels/models/mailbox_connection'
import SyncMailbox from '#channels/actions/sync_mailbox'
import { microsoftProvider } from '#channels/services/mail/microsoft_provider'
import { FakeMicrosoft, MICROSOFT_CLIENT_ID, MICROSOFT_TENANT } from '#tests/helpers/fakes/microsoft'
import { channelsGroup, channelsWorkspace } from '#tests/channels/fixtures'
import { finishConsent, startConsent } from '#tests/channels/oauth_fixtures'
import type Workspace from '#identity/models/workspace'
import type User from '#identity/models/user'
import type { ApiClient } from '@japa/api-client'

const microsoft = new FakeMicrosoft()

function customerMail(subject: string, body: string) {
  const id = `<${Math.random().toString(36).slice(2)}@customer.test>`
  return {
    id,
    raw: `From: Dana Customer <dana@customer.test>\nTo: support@contoso-mail.test\nSubject: ${subject}\nMessage-ID: ${id}\nDate: ${new Date().toUTCString()}\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n${body}\n`,
  }
}

async function ticketWithSubject(workspace: Workspace, subject: string) {
  return (await Ticket.query().where('workspace_id', workspace.id)).find((ticket) => ticket.subject === subject) ?? null
}

async function connectedMicrosoft(client: ApiClient, workspace: Workspace, base: string, admin: User) {
  const dance = await startConsent(client, { base, provider: 'microsoft', user: admin })
  ;(await finishConsent(client, dance, admin)).assertStatus(302)
  return MailboxConnection.query().where('workspace_id', workspace.id).where('provider', 'microsoft').firstOrFail()
}

test.group('Microsoft 365 mailboxes', (group) => {
  channelsGroup(group)
  group.setup(async () => {
    await microsoft.start()
    return () => microsoft.stop()
  })
  group.each.setup(() => microsoft.reset())

  test('an admin connects Microsoft 365 through OAuth (identity platform v2): tokens sealed, address from Graph /me', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const dance = await startConsent(client, { base, provider: 'microsoft', user: members.admin })
    assert.equal(dance.authorizeUrl.toString().split('?')[0], `${microsoft.baseUrl}/${MICROSOFT_TENANT}/oauth2/v2.0/authorize`)
    assert.equal(dance.authorizeUrl.searchParams.get('client_id'), MICROSOFT_CLIENT_ID)
    assert.equal(dance.authorizeUrl.searchParams.get('response_type'), 'code')
    const scopes = dance.authorizeUrl.searchParams.get('scope')!.split(' ')
    for (const scope of ['offline_access', 'Mail.ReadWrite', 'Mail.Send', 'User.Read']) assert.include(scopes, scope)
    assert.include(dance.consentHtml, 'support@contoso-mail.test')

    const back = await finishConsent(client, dance, members.admin)
    back.assertStatus(302)
    back.assertHeader('location', `${base}/email`)
    back.assertFlashMessage('success', 'Microsoft 365 mailbox support@contoso-mail.test connected. New mail becomes tickets within a minute.')
    // The v2 token endpoint got the code with the scopes
    assert.equal(microsoft.tokenRequests[0].grant_type, 'authorization_code')
    assert.include(microsoft.tokenRequests[0].scope, 'Mail.Send')

    const connection = await MailboxConnection.query().where('workspace_id', workspace.id).firstOrFail()
    assert.equal(connection.provider, 'microsoft')
    assert.equal(connection.address, 'support@contoso-mail.test')
    assert.include(String(connection.credentials.scope), 'Mail.ReadWrite')
    const stored = JSON.stringify(await MailboxConnection.query().where('id', connection.id).pojo().firstOrFail())
    assert.notInclude(stored, String(connection.credentials.accessToken))
    assert.notInclude(stored, String(connection.credentials.refreshToken))
  })

  test('a forged state or a callback without a consent in progress is refused', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const dance = await startConsent(client, { base, provider: 'microsoft', user: members.admin })
    ;(await finishConsent(client, dance, members.admin, { state: 'another-browser' })).assertStatus(400)
    ;(await finishConsent(client, dance, members.admin, { session: {} })).assertStatus(400)
    assert.lengthOf(await MailboxConnection.query().where('workspace_id', workspace.id), 0)
    const agent = await client.get(`${base}/email/oauth/microsoft/redirect`).loginAs(members.agent).redirects(0)
    agent.assertStatus(403)
  })

  test('mail in the inbox becomes a ticket via the delta query; the reply goes out as MIME with our threading headers', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const connection = await connectedMicrosoft(client, workspace, base, members.admin)
    const mail = customerMail('Cannot sign in', 'The login page loops.')
    microsoft.deliver(mail.raw)
    const outcome = await new SyncMailbox().handle(connection.id)
    assert.deepEqual(outcome.results.map((result) => result.status), ['ingested'])
    await connection.refresh()
    assert.include(connection.syncCursor!, '$deltatoken=')

    // The next run starts from the deltaLink and sees only new mail
    microsoft.deliver(customerMail('Second question', 'And billing?').raw)
    const next = await new SyncMailbox().handle(connection.id)
    assert.deepEqual(next.results.map((result) => result.status), ['ingested'])

    const ticket = (await ticketWithSubject(workspace, 'Cannot sign in'))!
    assert.exists(ticket)
    const reply = await client.post(`${base}/tickets/${ticket.id}/messages`).loginAs(members.agent).withCsrfToken().json({ kind: 'outbound', body: 'Clear your cookies, please.' }).accept('json')
    reply.assertStatus(201)
    assert.lengthOf(microsoft.sent, 1)
    assert.include(microsoft.sent[0].raw, `In-Reply-To: ${mail.id}`)
    assert.include(microsoft.sent[0].raw, 'support@contoso-mail.test')
    assert.include(microsoft.sent[0].raw, 'Clear your cookies, please.')
  })

  test('delta pages are followed through nextLink; a full batch stops at a page and resumes from it', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const connection = await connectedMicrosoft(client, workspace, base, members.admin)
    for (let index = 0; index < 70; index++) microsoft.deliver(customerMail(`Backlog ${index}`, 'x').raw)
    const first = await microsoftProvider.fetch(connection)
    assert.lengthOf(first.messages, 50)
    assert.include(first.nextCursor!, '$skiptoken=')
    connection.syncCursor = first.nextCursor
    const second = await microsoftProvider.fetch(connection)
    assert.lengthOf(second.messages, 20)
    assert.include(second.nextCursor!, '$deltatoken=')
    assert.lengthOf(new Set([...first.messages, ...second.messages].map((message) => message.providerMessageId)), 70)
  })

  test('refresh tokens rotate; an expired access token is refreshed; invalid_grant asks for a reconnect', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const connection = await connectedMicrosoft(client, workspace, base, members.admin)
    const firstRefresh = connection.credentials.refreshToken
    microsoft.expireAccessTokens()
    microsoft.deliver(customerMail('Hello', 'x').raw)
    assert.deepEqual((await new SyncMailbox().handle(connection.id)).results.map((result) => result.status), ['ingested'])
    await connection.refresh()
    assert.notEqual(connection.credentials.refreshToken, firstRefresh)
    const refresh = microsoft.tokenRequests.find((request) => request.grant_type === 'refresh_token')!
    assert.equal(refresh.refresh_token, firstRefresh)
    assert.include(refresh.scope, 'Mail.ReadWrite')

    microsoft.revokeGrant()
    assert.equal((await new SyncMailbox().handle(connection.id)).status, 'reconnect_required')
    await connection.refresh()
    assert.equal(connection.status, 'reconnect_required')
  })

  test('a busy token endpoint (400 temporarily_unavailable) backs off instead of asking for a reconnect', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const connection = await connectedMicrosoft(client, workspace, base, members.admin)
    microsoft.expireAccessTokens()
    microsoft.failures = [400]
    assert.equal((await new SyncMailbox().handle(connection.id)).status, 'backoff')
    await connection.refresh()
    assert.equal(connection.status, 'active')
    assert.include(connection.lastError!, 'temporarily_unavailable')
    microsoft.deliver(customerMail('After the busy spell', 'x').raw)
    assert.deepEqual((await new SyncMailbox().handle(connection.id, { force: true })).results.map((result) => result.status), ['ingested'])
  })

  test('Graph throttling and outages back off; an expired delta token resyncs without duplicates', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const connection = await connectedMicrosoft(client, workspace, base, members.admin)
    microsoft.deliver(customerMail('Before', 'x').raw)
    await new SyncMailbox().handle(connection.id)
    microsoft.deliver(customerMail('During outage', 'y').raw)
    microsoft.failures = [429]
    assert.equal((await new SyncMailbox().handle(connection.id)).status, 'backoff')
    microsoft.failures = [503]
    assert.equal((await new SyncMailbox().handle(connection.id, { force: true })).status, 'backoff')
    microsoft.expireDeltaTokens()
    const outcome = await new SyncMailbox().handle(connection.id, { force: true })
    assert.equal(outcome.status, 'synced')
    assert.sameMembers(outcome.results.map((result) => result.status), ['duplicate', 'ingested'])
    assert.sameMembers((await Ticket.query().where('workspace_id', workspace.id)).map((ticket) => ticket.subject), ['Before', 'During outage'])
  })

  test('disconnecting wipes the tokens and stops syncing (Microsoft has no per-app revocation endpoint)', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const connection = await connectedMicrosoft(client, workspace, base, members.admin)
    const response = await client.delete(`${base}/email/mailboxes/${connection.id}`).loginAs(members.admin).withCsrfToken().accept('json')
    response.assertStatus(200)
    await connection.refresh()
    assert.equal(connection.status, 'disconnected')
    assert.deepEqual(connection.credentials, {})
    microsoft.deliver(customerMail('After', 'x').raw)
    const before = microsoft.requests.length
    assert.equal((await new SyncMailbox().handle(connection.id, { force: true })).status, 'skipped')
    assert.equal(microsoft.requests.length, before)
  })
})
