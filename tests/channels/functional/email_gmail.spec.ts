import { test } from '@japa/runner'
import { Ticket, TicketMessage } from '#helpdesk/index'
import MailboxConnection from '#channels/models/mailbox_connection'
import SyncMailbox from '#channels/actions/sync_mailbox'
import { gmailProvider } from '#channels/services/mail/gmail_provider'
import { useMailboxEndpoints } from '#config/mailboxes'
import { FakeGoogle, GOOGLE_CLIENT_ID } from '#tests/helpers/fakes/google'
import { channelsGroup, channelsWorkspace } from '#tests/channels/fixtures'
import { finishConsent, startConsent } from '#tests/channels/oauth_fixtures'
import type Workspace from '#identity/models/workspace'

const google = new FakeGoogle()

/** Ticket subjects are sealed by the vault: find by subject in memory. */
async function ticketWithSubject(workspace: Workspace, subject: string) {
  return (await Ticket.query().where('workspace_id', workspace.id)).find((ticket) => ticket.subject === subject) ?? null
}

function customerMail(subject: string, body: string, extra = '') {
  const id = `<${Math.random().toString(36).slice(2)}@customer.test>`
  return {
    id,
    raw: `From: Carla Customer <carla@customer.test>\nTo: support@acme-mail.test\nSubject: ${subject}\nMessage-ID: ${id}\nDate: ${new Date().toUTCString()}\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n${extra}\n${body}\n`,
  }
}

/** A Gmail mailbox connected through the whole OAuth flow. */
async function connectedGmail(client: Parameters<typeof startConsent>[0], workspace: Workspace, base: string, admin: Parameters<typeof startConsent>[1]['user']) {
  const dance = await startConsent(client, { base, provider: 'gmail', user: admin })
  const back = await finishConsent(client, dance, admin)
  back.assertStatus(302)
  return MailboxConnection.query().where('workspace_id', workspace.id).where('provider', 'gmail').firstOrFail()
}

test.group('Gmail mailboxes', (group) => {
  channelsGroup(group)
  group.setup(async () => {
    await google.start()
    return () => google.stop()
  })
  group.each.setup(() => google.reset())

  test('an admin connects Gmail through OAuth: tokens sealed, address from userinfo, nothing secret in the page', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const dance = await startConsent(client, { base, provider: 'gmail', user: members.admin })
    // The authorize request asks for offline Gmail access with consent, for our client and callback
    assert.equal(dance.authorizeUrl.origin, google.baseUrl)
    assert.equal(dance.authorizeUrl.searchParams.get('client_id'), GOOGLE_CLIENT_ID)
    assert.equal(dance.authorizeUrl.searchParams.get('access_type'), 'offline')
    assert.equal(dance.authorizeUrl.searchParams.get('prompt'), 'consent')
    assert.include(dance.authorizeUrl.searchParams.get('scope')!, 'https://www.googleapis.com/auth/gmail.modify')
    assert.match(dance.authorizeUrl.searchParams.get('redirect_uri')!, /\/email\/oauth\/gmail\/callback$/)
    assert.include(dance.consentHtml, 'support@acme-mail.test')
    assert.equal(dance.callbackUrl.pathname, '/email/oauth/gmail/callback')

    const back = await finishConsent(client, dance, members.admin)
    back.assertStatus(302)
    back.assertHeader('location', `${base}/email`)
    back.assertFlashMessage('success', 'Gmail mailbox support@acme-mail.test connected. New mail becomes tickets within a minute.')

    const connection = await MailboxConnection.query().where('workspace_id', workspace.id).firstOrFail()
    assert.equal(connection.provider, 'gmail')
    assert.equal(connection.address, 'support@acme-mail.test')
    assert.equal(connection.status, 'active')
    const issued = [...google.accessTokens.keys()][0]
    const refresh = [...google.refreshTokens][0]
    assert.equal(connection.credentials.accessToken, issued)
    assert.equal(connection.credentials.refreshToken, refresh)
    assert.isString(connection.credentials.expiresAt)
    // At rest the tokens and the address are sealed by the vault
    const row = await MailboxConnection.query().where('id', connection.id).pojo<Record<string, string>>().firstOrFail()
    const stored = JSON.stringify(row)
    assert.notInclude(stored, issued)
    assert.notInclude(stored, refresh)
    assert.notInclude(stored, 'support@acme-mail.test')
    // The code was exchanged with our client secret at the token endpoint
    assert.equal(google.tokenRequests[0].grant_type, 'authorization_code')

    // The email page lists the mailbox, never its tokens
    const page = await client.get(`${base}/email`).loginAs(members.admin).header('x-inertia', 'true').header('x-inertia-version', '1')
    const text = JSON.stringify(page.body())
    assert.include(text, 'support@acme-mail.test')
    assert.notInclude(text, issued)
    assert.notInclude(text, refresh)
  })

  test('declining on the consent screen connects nothing', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const dance = await startConsent(client, { base, provider: 'gmail', user: members.admin, decision: 'deny' })
    const back = await finishConsent(client, dance, members.admin)
    back.assertStatus(302)
    back.assertFlashMessage('error', 'Gmail access was not granted, so no mailbox was connected.')
    assert.lengthOf(await MailboxConnection.query().where('workspace_id', workspace.id), 0)
  })

  test('a grant without Gmail access is refused with a clear message', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    google.grantedScopes = ['openid', 'email']
    const dance = await startConsent(client, { base, provider: 'gmail', user: members.admin })
    const back = await finishConsent(client, dance, members.admin)
    back.assertStatus(302)
    back.assertFlashMessage('error', 'Vaultdesk needs permission to read and send mail. Connect again and allow access to Gmail.')
    assert.lengthOf(await MailboxConnection.query().where('workspace_id', workspace.id), 0)
  })

  test('a tampered state, a replayed code or another session is refused (4xx), and nothing is connected', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const dance = await startConsent(client, { base, provider: 'gmail', user: members.admin })
    // State in the URL not matching the browser's state cookie (a forged callback)
    const forged = await finishConsent(client, dance, members.admin, { query: { state: 'forged-state' } })
    forged.assertStatus(400)
    // No consent started in this session (the link sent to someone else)
    const otherSession = await finishConsent(client, dance, members.owner, { session: {} })
    otherSession.assertStatus(400)
    // The session of another user who did start one: the flow is bound to its user
    const stolen = await finishConsent(client, dance, members.owner)
    stolen.assertStatus(400)
    // A consent started for Microsoft does not accept Google's answer
    const crossed = await finishConsent(client, { ...dance, callbackUrl: new URL(dance.callbackUrl.toString().replace('/gmail/', '/microsoft/')) }, members.admin)
    crossed.assertStatus(400)
    assert.lengthOf(await MailboxConnection.query().where('workspace_id', workspace.id), 0)
    // A forged code is refused by Google and by us
    const badCode = await finishConsent(client, dance, members.admin, { query: { code: 'forged-code' } })
    badCode.assertStatus(400)
    assert.lengthOf(await MailboxConnection.query().where('workspace_id', workspace.id), 0)
  })

  test('only owners and admins start a connection; other workspaces and unknown providers answer 404', async ({ client, assert }) => {
    const { members, base } = await channelsWorkspace()
    const other = await channelsWorkspace()
    const agent = await client.get(`${base}/email/oauth/gmail/redirect`).loginAs(members.agent).redirects(0)
    agent.assertStatus(403)
    const privacy = await client.get(`${base}/email/oauth/gmail/redirect`).loginAs(members.privacy).redirects(0)
    privacy.assertStatus(403)
    const foreign = await client.get(`${other.base}/email/oauth/gmail/redirect`).loginAs(members.admin).redirects(0)
    foreign.assertStatus(404)
    const unknown = await client.get(`${base}/email/oauth/yahoo/redirect`).loginAs(members.admin).redirects(0)
    unknown.assertStatus(404)
    const owner = await client.get(`${base}/email/oauth/gmail/redirect`).loginAs(members.owner).redirects(0)
    owner.assertStatus(302)
    assert.isTrue(owner.header('location')!.startsWith(google.baseUrl))
  })

  test('a provider without OAuth app settings answers a clear 409', async ({ client }) => {
    const { members, base } = await channelsWorkspace()
    const restore = useMailboxEndpoints({ google: { clientId: '' } })
    try {
      const response = await client.get(`${base}/email/oauth/gmail/redirect`).loginAs(members.admin).accept('json').redirects(0)
      response.assertStatus(409)
      response.assertBodyContains({ code: 'E_MAILBOX_OAUTH_NOT_CONFIGURED' })
    } finally {
      restore()
    }
  })

  test('a member who lost the admin role before coming back cannot attach the mailbox', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const dance = await startConsent(client, { base, provider: 'gmail', user: members.admin })
    const { Membership } = await import('#identity/index')
    await Membership.query().where('workspace_id', workspace.id).where('user_id', members.admin.id).update({ role: 'agent' })
    const back = await finishConsent(client, dance, members.admin)
    back.assertStatus(403)
    assert.lengthOf(await MailboxConnection.query().where('workspace_id', workspace.id), 0)
  })

  test('mail arriving at Gmail becomes a ticket and the agent reply is sent in the same Gmail thread', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const older = customerMail('Old mail', 'Before the connection')
    google.deliver(older.raw)
    const connection = await connectedGmail(client, workspace, base, members.admin)

    // First sync: recent INBOX mail, and the historyId to continue from
    let outcome = await new SyncMailbox().handle(connection.id)
    assert.equal(outcome.status, 'synced')
    await connection.refresh()
    assert.equal(connection.syncCursor, String(google.historyId))

    const mail = customerMail('Broken invoice', 'My invoice shows the wrong VAT number.')
    const delivered = google.deliver(mail.raw)
    outcome = await new SyncMailbox().handle(connection.id)
    assert.deepEqual(outcome.results.map((result) => result.status), ['ingested'])
    const ticket = (await ticketWithSubject(workspace, 'Broken invoice'))!
    assert.exists(ticket)
    assert.equal(ticket.channel, 'email')
    // history.list was used for the second run
    assert.isTrue(google.requests.some((request) => request.path === '/gmail/v1/users/me/history'))

    const reply = await client.post(`${base}/tickets/${ticket.id}/messages`).loginAs(members.agent).withCsrfToken().json({ kind: 'outbound', body: 'We fixed the VAT number.' }).accept('json')
    reply.assertStatus(201)
    assert.lengthOf(google.sent, 1)
    assert.equal(google.sent[0].threadId, delivered.threadId)
    assert.include(google.sent[0].raw, `In-Reply-To: ${mail.id}`)
    assert.match(google.sent[0].raw, /References:.*@customer\.test>/)
    assert.include(google.sent[0].raw, 'From: ')
    assert.include(google.sent[0].raw, 'support@acme-mail.test')
    assert.include(google.sent[0].raw, 'We fixed the VAT number.')
    const messages = await TicketMessage.query().where('ticket_id', ticket.id)
    assert.lengthOf(messages, 2)
  })

  test('a reply sent while Gmail is down is retried and sent once', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const connection = await connectedGmail(client, workspace, base, members.admin)
    const delivered = google.deliver(customerMail('Where is my parcel?', 'Order 99').raw)
    await new SyncMailbox().handle(connection.id)
    const ticket = (await ticketWithSubject(workspace, 'Where is my parcel?'))!
    google.failures = [503]
    const reply = await client.post(`${base}/tickets/${ticket.id}/messages`).loginAs(members.agent).withCsrfToken().json({ kind: 'outbound', body: 'On its way.' }).accept('json')
    reply.assertStatus(201)
    assert.lengthOf(google.sent, 0)
    // The job's retry
    const { default: SendEmailReply } = await import('#channels/actions/send_email_reply')
    await new SendEmailReply().handle({ workspaceId: workspace.id, messageId: reply.body().id })
    await new SendEmailReply().handle({ workspaceId: workspace.id, messageId: reply.body().id })
    assert.lengthOf(google.sent, 1)
    assert.equal(google.sent[0].threadId, delivered.threadId)
  })

  test('an expired access token is refreshed before the call and saved sealed', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const connection = await connectedGmail(client, workspace, base, members.admin)
    const firstToken = connection.credentials.accessToken
    // Our copy says it expired an hour ago: refreshed before calling Gmail
    await connection.saveCredentials({ ...connection.credentials, expiresAt: new Date(Date.now() - 3600_000).toISOString() })
    google.deliver(customerMail('Hello', 'First').raw)
    const outcome = await new SyncMailbox().handle(connection.id)
    assert.equal(outcome.status, 'synced')
    await connection.refresh()
    assert.notEqual(connection.credentials.accessToken, firstToken)
    assert.isAbove(Date.parse(String(connection.credentials.expiresAt)), Date.now())
    assert.equal(google.tokenRequests.at(-1)!.grant_type, 'refresh_token')
    // Revoked by Google although our clock says it is fine: a 401, one refresh, one retry
    google.expireAccessTokens()
    google.deliver(customerMail('Hello again', 'Second').raw)
    const again = await new SyncMailbox().handle(connection.id)
    assert.deepEqual(again.results.map((result) => result.status), ['ingested'])
    assert.lengthOf(google.tokenRequests.filter((request) => request.grant_type === 'refresh_token'), 2)
  })

  test('a refused refresh (invalid_grant) marks the mailbox reconnect_required', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const connection = await connectedGmail(client, workspace, base, members.admin)
    google.revokeGrant()
    const outcome = await new SyncMailbox().handle(connection.id)
    assert.equal(outcome.status, 'reconnect_required')
    await connection.refresh()
    assert.equal(connection.status, 'reconnect_required')
    assert.include(connection.lastError!, 'Google no longer accepts Vaultdesk\'s access (invalid_grant')
    // Reconnecting the same address reuses the row and makes it active again
    const dance = await startConsent(client, { base, provider: 'gmail', user: members.admin })
    ;(await finishConsent(client, dance, members.admin)).assertStatus(302)
    await connection.refresh()
    assert.equal(connection.status, 'active')
    assert.lengthOf(await MailboxConnection.query().where('workspace_id', workspace.id), 1)
  })

  test('a Gmail outage (5xx, 429) backs off and loses nothing', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const connection = await connectedGmail(client, workspace, base, members.admin)
    await new SyncMailbox().handle(connection.id)
    google.deliver(customerMail('During the outage', 'Is anyone there?').raw)
    google.failures = [503]
    const down = await new SyncMailbox().handle(connection.id)
    assert.equal(down.status, 'backoff')
    await connection.refresh()
    assert.equal(connection.status, 'active')
    assert.equal(connection.failureCount, 1)
    google.failures = [429]
    assert.equal((await new SyncMailbox().handle(connection.id, { force: true })).status, 'backoff')
    // Back up: the message is fetched from the same cursor
    const up = await new SyncMailbox().handle(connection.id, { force: true })
    assert.deepEqual(up.results.map((result) => result.status), ['ingested'])
    assert.isNotNull(await ticketWithSubject(workspace, 'During the outage'))
  })

  test('Gmail\'s 403: a rate limit backs off, a missing mail scope asks for a reconnect', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const connection = await connectedGmail(client, workspace, base, members.admin)
    google.forbiddenReason = 'userRateLimitExceeded'
    google.failures = [403]
    assert.equal((await new SyncMailbox().handle(connection.id)).status, 'backoff')
    google.forbiddenReason = 'insufficientPermissions'
    google.failures = [403]
    assert.equal((await new SyncMailbox().handle(connection.id, { force: true })).status, 'reconnect_required')
  })

  test('an expired historyId triggers a resync of recent mail without duplicates', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const connection = await connectedGmail(client, workspace, base, members.admin)
    await new SyncMailbox().handle(connection.id)
    google.deliver(customerMail('Seen before', 'One').raw)
    await new SyncMailbox().handle(connection.id)
    google.deliver(customerMail('Missed while away', 'Two').raw)
    google.expireHistory()
    const outcome = await new SyncMailbox().handle(connection.id)
    assert.equal(outcome.status, 'synced')
    assert.sameMembers(outcome.results.map((result) => result.status), ['duplicate', 'ingested'])
    const subjects = (await Ticket.query().where('workspace_id', workspace.id)).map((ticket) => ticket.subject)
    assert.sameMembers(subjects, ['Seen before', 'Missed while away'])
    await connection.refresh()
    assert.equal(connection.syncCursor, String(google.historyId))
  })

  test('a large backlog is fetched in batches without skipping mail', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const connection = await connectedGmail(client, workspace, base, members.admin)
    await new SyncMailbox().handle(connection.id)
    await connection.refresh()
    for (let index = 0; index < 60; index++) google.deliver(customerMail(`Backlog ${index}`, 'x').raw)
    const first = await gmailProvider.fetch(connection)
    assert.lengthOf(first.messages, 50)
    connection.syncCursor = first.nextCursor
    const second = await gmailProvider.fetch(connection)
    assert.lengthOf(second.messages, 10)
    assert.equal(second.nextCursor, String(google.historyId))
    assert.lengthOf(new Set([...first.messages, ...second.messages].map((message) => message.providerMessageId)), 60)
  })

  test('disconnecting revokes the token at Google and stops syncing', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const connection = await connectedGmail(client, workspace, base, members.admin)
    const refresh = connection.credentials.refreshToken
    const response = await client.delete(`${base}/email/mailboxes/${connection.id}`).loginAs(members.admin).withCsrfToken().accept('json')
    response.assertStatus(200)
    assert.deepEqual(google.revoked, [refresh])
    await connection.refresh()
    assert.equal(connection.status, 'disconnected')
    assert.deepEqual(connection.credentials, {})
    google.deliver(customerMail('After disconnect', 'Nobody reads this').raw)
    const requestsBefore = google.requests.length
    assert.equal((await new SyncMailbox().handle(connection.id, { force: true })).status, 'skipped')
    assert.equal(google.requests.length, requestsBefore)
    assert.lengthOf(await Ticket.query().where('workspace_id', workspace.id), 0)
  })
})
