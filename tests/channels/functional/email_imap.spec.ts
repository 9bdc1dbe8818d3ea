import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { AddTicketMessage, Contact, Ticket, TicketMessage, TicketAttachment } from '#helpdesk/index'
import { subjectDataProviders } from '#core/subject_data'
import MailboxConnection from '#channels/models/mailbox_connection'
import EmailMessage from '#channels/models/email_message'
import SyncMailbox from '#channels/actions/sync_mailbox'
import { syncMailboxes } from '#channels/jobs/email_jobs'
import { assertAnswers404, assertRoleAccess } from '#tests/helpers/tenancy'
import { channelsGroup, channelsWorkspace } from '#tests/channels/fixtures'
import { ImapTestServer, MailboxSmtpSink, MAILBOX_ADDRESS, MAILBOX_PASSWORD, connectedImap, customerMail, imapCredentials } from '#tests/channels/email_fixtures'

const imap = new ImapTestServer()
const smtp = new MailboxSmtpSink()

async function ticketsOf(workspaceId: string) {
  return Ticket.query().where('workspace_id', workspaceId).orderBy('number', 'asc')
}

async function messagesOf(ticketId: string) {
  return TicketMessage.query().where('ticket_id', ticketId).orderBy('created_at', 'asc')
}

async function waitForRow(messageId: string, status: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const row = await EmailMessage.query().where('message_id', messageId).where('direction', 'outbound').first()
    if (row?.status === status) return row
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`outbound email row never became ${status}`)
}

test.group('Email channels: IMAP/SMTP mailboxes', (group) => {
  channelsGroup(group)
  group.setup(async () => {
    await imap.start()
    await smtp.start()
    return async () => {
      await imap.stop()
      await smtp.stop()
    }
  })
  group.each.setup(() => {
    smtp.messages = []
    smtp.failNext = 0
    imap.changePassword(MAILBOX_PASSWORD)
    imap.clear()
  })

  test('an admin connects a mailbox after a login test; the password is sealed and never shown', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const credentials = imapCredentials(imap, smtp)
    const refused = await client
      .post(`${base}/email/imap`)
      .loginAs(members.admin)
      .withCsrfToken()
      .json({ address: MAILBOX_ADDRESS, imap: { ...credentials.imap, password: 'wrong' }, smtp: credentials.smtp })
      .accept('json')
    refused.assertStatus(422)
    assert.include(refused.body().errors?.[0]?.message ?? refused.body().message, 'IMAP')
    assert.lengthOf(await MailboxConnection.query().where('workspace_id', workspace.id), 0)

    const invalid = await client.post(`${base}/email/imap`).loginAs(members.admin).withCsrfToken().json({ address: 'not-an-address', imap: { host: '' }, smtp: {} }).accept('json')
    invalid.assertStatus(422)

    const created = await client.post(`${base}/email/imap`).loginAs(members.admin).withCsrfToken().json({ address: MAILBOX_ADDRESS, ...credentials }).accept('json')
    created.assertStatus(201)
    assert.equal(created.body().mailbox.status, 'active')
    const raw = await db.from('mailbox_connections').where('workspace_id', workspace.id).firstOrFail()
    assert.notInclude(raw.credentials, MAILBOX_PASSWORD)
    assert.notInclude(raw.address, MAILBOX_ADDRESS)
    assert.match(raw.sync_cursor, /^\d+:\d+$/)

    const page = await client.get(`${base}/email`).loginAs(members.admin).accept('json')
    page.assertStatus(200)
    assert.equal(page.body().mailboxes[0].address, MAILBOX_ADDRESS)
    assert.notInclude(JSON.stringify(page.body()), MAILBOX_PASSWORD)
    assert.deepEqual(page.body().providers.map((option: { kind: string }) => option.kind), ['gmail', 'microsoft', 'imap'])
  })

  test('mail servers on private networks are refused unless configuration allows them (SSRF guard)', async ({ client, assert, cleanup }) => {
    const { workspace, members, base } = await channelsWorkspace()
    env.set('MAIL_ALLOW_PRIVATE_HOSTS', false)
    cleanup(() => env.set('MAIL_ALLOW_PRIVATE_HOSTS', true))
    const credentials = imapCredentials(imap, smtp)
    for (const host of ['127.0.0.1', 'localhost', '10.1.2.3', '169.254.169.254']) {
      const response = await client.post(`${base}/email/imap`).loginAs(members.admin).withCsrfToken().json({ address: MAILBOX_ADDRESS, ...credentials, imap: { ...credentials.imap, host } }).accept('json')
      response.assertStatus(422)
      assert.include(JSON.stringify(response.body()), 'private network')
    }
    assert.lengthOf(await MailboxConnection.query().where('workspace_id', workspace.id), 0)
  })

  test('new mail becomes a ticket; a reply threads onto it by In-Reply-To with the quoted history dropped', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const connection = await connectedImap(workspace.id, imap, smtp)
    const first = customerMail({ subject: 'Order 1001 missing', body: 'Hello, my order #1001 has not arrived yet.' })
    imap.deliver(first.raw)

    const synced = await client.post(`${base}/email/mailboxes/${connection.id}/sync`).loginAs(members.admin).withCsrfToken().accept('json')
    synced.assertStatus(200)
    assert.equal(synced.body().ingested, 1)
    const [ticket] = await ticketsOf(workspace.id)
    assert.equal(ticket.subject, 'Order 1001 missing')
    assert.equal(ticket.channel, 'email')
    const contact = await Contact.findOrFail(ticket.contactId)
    assert.equal(contact.email, 'carla@customer.test')
    assert.equal(contact.name, 'Carla Customer')

    const reply = customerMail({
      subject: 'Re: Order 1001 missing',
      inReplyTo: first.id,
      references: [first.id],
      body: 'Any news? It is still not here.\n\nOn Tue, 24 Nov 2026 at 10:00, Carla Customer <carla@customer.test> wrote:\n> Hello, my order #1001 has not arrived yet.\n',
    })
    imap.deliver(reply.raw)
    // Re-syncing fetches only the new mail: the first one is not seen twice.
    const outcome = await new SyncMailbox().handle(connection.id)
    assert.deepEqual(outcome.results.map((result) => result.status), ['ingested'])
    assert.lengthOf(await ticketsOf(workspace.id), 1)
    const messages = await messagesOf(ticket.id)
    assert.deepEqual(messages.map((message) => message.body), ['Hello, my order #1001 has not arrived yet.', 'Any news? It is still not here.'])
    const rows = await EmailMessage.query().where('ticket_id', ticket.id)
    assert.lengthOf(rows, 2)
    const stored = await db.from('email_messages').where('ticket_id', ticket.id)
    assert.isTrue(stored.every((row) => !row.rfc_message_id.includes('customer.test')))
  })

  test('an agent reply goes out over SMTP in the same thread, and the answer to it threads back', async ({ assert }) => {
    const { workspace, members } = await channelsWorkspace()
    const connection = await connectedImap(workspace.id, imap, smtp)
    const first = customerMail({ subject: 'Refund please' })
    imap.deliver(first.raw)
    await new SyncMailbox().handle(connection.id)
    const [ticket] = await ticketsOf(workspace.id)

    const agentReply = await new AddTicketMessage().handle({ workspaceId: workspace.id, ticketId: ticket.id, authorUserId: members.agent.id, kind: 'outbound', body: 'Your refund is on its way.', attachments: [{ filename: 'refund.pdf', bytes: new TextEncoder().encode('%PDF-1.4 refund note') }] })
    await new AddTicketMessage().handle({ workspaceId: workspace.id, ticketId: ticket.id, authorUserId: members.agent.id, kind: 'note', body: 'Internal: refunded in Stripe' })
    const sent = await smtp.waitFor((mail) => mail.parsed.subject === 'Re: Refund please')
    const row = await waitForRow(agentReply.id, 'sent')
    assert.deepEqual(sent.to, ['carla@customer.test'])
    assert.equal(sent.from, MAILBOX_ADDRESS)
    assert.equal(sent.parsed.from?.value[0].address, MAILBOX_ADDRESS)
    assert.equal(sent.parsed.inReplyTo, `<${first.id}>`)
    assert.include([sent.parsed.references].flat(), `<${first.id}>`)
    assert.equal(sent.parsed.messageId, `<${row.rfcMessageId}>`)
    assert.match(sent.parsed.messageId!, /@localhost>$/)
    assert.match(String(sent.parsed.headers.get('x-vaultdesk')), /^reply; ticket=\d+$/)
    assert.include(sent.parsed.text ?? '', 'Your refund is on its way.')
    assert.notInclude(sent.raw, 'Internal: refunded')
    assert.deepEqual(sent.parsed.attachments.map((file) => [file.filename, file.content.toString()]), [['refund.pdf', '%PDF-1.4 refund note']])
    assert.lengthOf(smtp.messages, 1)

    // The customer answers our reply: In-Reply-To is our Message-ID.
    const answer = customerMail({ subject: 'Re: Refund please', inReplyTo: row.rfcMessageId!, references: [first.id, row.rfcMessageId!], body: 'Thanks, got it!' })
    imap.deliver(answer.raw)
    await new SyncMailbox().handle(connection.id)
    assert.lengthOf(await ticketsOf(workspace.id), 1)
    assert.deepEqual((await messagesOf(ticket.id)).map((message) => message.kind), ['inbound', 'outbound', 'note', 'inbound'])
  })

  test('a failed send is recorded and retried without sending twice', async ({ assert }) => {
    const { workspace, members } = await channelsWorkspace()
    const connection = await connectedImap(workspace.id, imap, smtp)
    imap.deliver(customerMail({ subject: 'Retry me' }).raw)
    await new SyncMailbox().handle(connection.id)
    const [ticket] = await ticketsOf(workspace.id)
    smtp.failNext = 1
    const reply = await new AddTicketMessage().handle({ workspaceId: workspace.id, ticketId: ticket.id, authorUserId: members.agent.id, kind: 'outbound', body: 'Second try works.' })
    const failed = await waitForRow(reply.id, 'failed')
    assert.include(failed.error!, '451')
    const { sendEmailReply } = await import('#channels/jobs/email_jobs')
    await sendEmailReply({ workspaceId: workspace.id, messageId: reply.id })
    await sendEmailReply({ workspaceId: workspace.id, messageId: reply.id })
    const sent = await waitForRow(reply.id, 'sent')
    assert.equal(sent.attempts, 2)
    assert.lengthOf(smtp.messages, 1)
  })

  test('auto-replies, bounces and our own mail coming back make no ticket', async ({ assert }) => {
    const { workspace } = await channelsWorkspace()
    const connection = await connectedImap(workspace.id, imap, smtp)
    imap.deliver(customerMail({ subject: 'Out of office', headers: 'Auto-Submitted: auto-replied' }).raw)
    imap.deliver(customerMail({ subject: 'Away', headers: 'X-Autoreply: yes' }).raw)
    imap.deliver(customerMail({ subject: 'Newsletter', headers: 'Precedence: bulk' }).raw)
    imap.deliver(customerMail({ subject: 'OOF', headers: 'X-Auto-Response-Suppress: All' }).raw)
    imap.deliver(
      customerMail({
        from: 'Mail Delivery Subsystem <MAILER-DAEMON@mx.customer.test>',
        subject: 'Undelivered Mail Returned to Sender',
        contentType: 'multipart/report; report-type=delivery-status; boundary="b1"',
        body: '--b1\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.customer.test\r\nFinal-Recipient: rfc822; gone@customer.test\r\nAction: failed\r\nStatus: 5.1.1\r\n--b1--',
      }).raw
    )
    imap.deliver(customerMail({ from: `Support <${MAILBOX_ADDRESS}>`, subject: 'Sent from ourselves' }).raw)
    imap.deliver(customerMail({ subject: 'Re: forwarded back', headers: 'X-Vaultdesk: reply; ticket=1' }).raw)
    const outcome = await new SyncMailbox().handle(connection.id)
    assert.deepEqual(outcome.results.map((result) => result.status), ['auto_reply', 'auto_reply', 'auto_reply', 'auto_reply', 'bounce', 'loop', 'loop'])
    assert.lengthOf(await ticketsOf(workspace.id), 0)
  })

  test('malformed and oversized mail is recorded as failed and the rest of the batch still arrives', async ({ assert }) => {
    const { workspace } = await channelsWorkspace()
    const connection = await connectedImap(workspace.id, imap, smtp)
    imap.deliver('this is not an email at all')
    imap.deliver(customerMail({ from: 'nobody', subject: 'No sender' }).raw)
    imap.deliver(customerMail({ subject: 'Still here' }).raw)
    const outcome = await new SyncMailbox().handle(connection.id)
    assert.deepEqual(outcome.results.map((result) => result.status), ['failed', 'failed', 'ingested'])
    const failures = await EmailMessage.query().where('connection_id', connection.id).where('status', 'failed')
    assert.isTrue(failures.every((row) => row.error!.startsWith('malformed')))
    assert.lengthOf(await ticketsOf(workspace.id), 1)

    const { default: IngestInboundMail } = await import('#channels/actions/ingest_inbound_mail')
    const huge = await new IngestInboundMail().handle(connection, { providerMessageId: 'huge-1', raw: new Uint8Array(0), oversizeBytes: 30 * 1024 * 1024 })
    assert.equal(huge.status, 'failed')
    const row = await EmailMessage.query().where('provider_message_id', 'huge-1').firstOrFail()
    assert.include(row.error!, '25 MB')
  })

  test('HTML mail is sanitised to text, attachments are sealed and refused ones are noted', async ({ assert }) => {
    const { workspace } = await channelsWorkspace()
    const connection = await connectedImap(workspace.id, imap, smtp)
    const html = '<html><body><p>Hi <b>team</b>,</p><script>alert("x")</script><p onclick="steal()">Invoice attached.</p><div class="gmail_quote">On Mon someone wrote:<blockquote>old text</blockquote></div></body></html>'
    const body = [
      '--mix',
      'Content-Type: text/html; charset=utf-8',
      '',
      html,
      '--mix',
      'Content-Type: application/pdf',
      'Content-Disposition: attachment; filename="invoice.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('%PDF-1.4 fake invoice').toString('base64'),
      '--mix',
      'Content-Type: application/octet-stream',
      'Content-Disposition: attachment; filename="setup.exe"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('MZ binary').toString('base64'),
      '--mix--',
    ].join('\r\n')
    imap.deliver(customerMail({ subject: 'Invoice', contentType: 'multipart/mixed; boundary="mix"', body }).raw)
    await new SyncMailbox().handle(connection.id)
    const [ticket] = await ticketsOf(workspace.id)
    const [message] = await messagesOf(ticket.id)
    assert.include(message.body, 'Hi team,')
    assert.include(message.body, 'Invoice attached.')
    assert.notInclude(message.body, 'alert')
    assert.notInclude(message.body, 'steal')
    assert.notInclude(message.body, 'old text')
    assert.include(message.body, '“setup.exe” is not a file type we accept')
    const attachments = await TicketAttachment.query().where('message_id', message.id)
    assert.deepEqual(attachments.map((file) => file.filename), ['invoice.pdf'])
  })

  test('a provider outage backs off and loses nothing; refused credentials ask admins to reconnect', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const connection = await connectedImap(workspace.id, imap, smtp)
    const cursor = connection.syncCursor
    imap.deliver(customerMail({ subject: 'During the outage' }).raw)
    const port = imap.port
    // Point the mailbox at a closed port: the server is "down".
    connection.credentials = { ...connection.credentials, imap: { ...(connection.credentials.imap as object), port: 1 } }
    await connection.save()
    const down = await new SyncMailbox().handle(connection.id)
    assert.equal(down.status, 'backoff')
    await connection.refresh()
    assert.equal(connection.failureCount, 1)
    assert.isNotNull(connection.nextAttemptAt)
    assert.equal(connection.syncCursor, cursor)
    assert.match(connection.lastError!, /could not be reached/)
    // The schedule leaves it alone until the backoff is over.
    assert.equal((await new SyncMailbox().handle(connection.id)).status, 'skipped')
    await syncMailboxes()
    assert.lengthOf(await ticketsOf(workspace.id), 0)

    connection.credentials = { ...connection.credentials, imap: { ...(connection.credentials.imap as object), port } }
    await connection.save()
    const back = await new SyncMailbox().handle(connection.id, { force: true })
    assert.equal(back.status, 'synced')
    await connection.refresh()
    assert.equal(connection.failureCount, 0)
    assert.lengthOf(await ticketsOf(workspace.id), 1)

    imap.changePassword('rotated-by-the-customer')
    const refused = await new SyncMailbox().handle(connection.id)
    assert.equal(refused.status, 'reconnect_required')
    const page = await client.get(`${base}/email`).loginAs(members.admin).accept('json')
    assert.equal(page.body().mailboxes[0].status, 'reconnect_required')
    assert.match(page.body().mailboxes[0].lastError, /refused the user name or password/)
    assert.equal((await new SyncMailbox().handle(connection.id, { force: true })).status, 'skipped')

    // Mail that arrives while the mailbox waits for its admin is read once it is reconnected.
    imap.deliver(customerMail({ subject: 'While disconnected' }).raw)
    imap.changePassword(MAILBOX_PASSWORD)
    const reconnected = await connectedImap(workspace.id, imap, smtp)
    assert.equal(reconnected.id, connection.id)
    await new SyncMailbox().handle(connection.id)
    assert.deepEqual((await ticketsOf(workspace.id)).map((ticket) => ticket.subject), ['During the outage', 'While disconnected'])
  })

  test('a mail’s ticket and its email record are stored together: a failure between them leaves no ticket for a retry to duplicate', async ({ assert }) => {
    const { workspace } = await channelsWorkspace()
    const connection = await connectedImap(workspace.id, imap, smtp)
    imap.deliver(customerMail({ subject: 'Stored together' }).raw)
    // The record's final save fails, as when the worker dies right after the ticket was written.
    const failRecording = (row: EmailMessage) => {
      if (row.status === 'ingested') throw new Error('the database went away')
    }
    EmailMessage.before('update', failRecording)
    try {
      const outcome = await new SyncMailbox().handle(connection.id)
      assert.deepEqual(outcome.results.map((result) => result.status), ['failed'])
    } finally {
      EmailMessage.$hooks.remove('before:update', failRecording)
    }
    assert.lengthOf(await ticketsOf(workspace.id), 0)
    const [row] = await EmailMessage.query().where('connection_id', connection.id)
    assert.equal(row.status, 'failed')
    assert.isNull(row.ticketId)
  })

  test('a new UIDVALIDITY re-reads the folder without duplicating tickets', async ({ assert }) => {
    const { workspace } = await channelsWorkspace()
    const connection = await connectedImap(workspace.id, imap, smtp)
    imap.deliver(customerMail({ subject: 'Before renumbering' }).raw)
    await new SyncMailbox().handle(connection.id)
    imap.changeUidValidity(777)
    imap.deliver(customerMail({ subject: 'After renumbering' }).raw)
    const outcome = await new SyncMailbox().handle(connection.id)
    assert.deepEqual(outcome.results.map((result) => result.status), ['duplicate', 'ingested'])
    assert.deepEqual((await ticketsOf(workspace.id)).map((ticket) => ticket.subject), ['Before renumbering', 'After renumbering'])
    await connection.refresh()
    assert.match(connection.syncCursor!, /^777:/)
  })

  test('a reply that cannot be emailed (no mailbox connected any more) is said on the ticket, as a note', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const connection = await connectedImap(workspace.id, imap, smtp)
    imap.deliver(customerMail({ subject: 'Lost reply' }).raw)
    await new SyncMailbox().handle(connection.id)
    const [ticket] = await ticketsOf(workspace.id)
    ;(await client.delete(`${base}/email/mailboxes/${connection.id}`).loginAs(members.owner).withCsrfToken().accept('json')).assertStatus(200)

    const reply = await new AddTicketMessage().handle({ workspaceId: workspace.id, ticketId: ticket.id, authorUserId: members.agent.id, kind: 'outbound', body: 'Here is your answer.' })
    const failed = await waitForRow(reply.id, 'failed')
    assert.equal(failed.error, 'no connected mailbox to send from')
    const notes = (await messagesOf(ticket.id)).filter((message) => message.kind === 'note')
    assert.deepEqual(notes.map((note) => [note.body, note.authorKind]), [['This reply was not emailed: no connected mailbox to send from.', 'system']])
    const page = await client.get(`${base}/inbox/${ticket.id}`).loginAs(members.agent).withInertia()
    const shown = (page.inertiaProps as any).selected.messages.find((message: any) => message.kind === 'note')
    assert.deepEqual(shown.author, { id: 'system', name: 'Vaultdesk' })
    assert.lengthOf(smtp.messages, 0)
  })

  test('disconnecting wipes the credentials and stops syncing; the address can be connected again', async ({ client, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const connection = await connectedImap(workspace.id, imap, smtp)
    const response = await client.delete(`${base}/email/mailboxes/${connection.id}`).loginAs(members.owner).withCsrfToken().accept('json')
    response.assertStatus(200)
    await connection.refresh()
    assert.equal(connection.status, 'disconnected')
    assert.deepEqual(connection.credentials, {})
    imap.deliver(customerMail({ subject: 'Ignored' }).raw)
    assert.equal((await new SyncMailbox().handle(connection.id, { force: true })).status, 'skipped')
    const again = await connectedImap(workspace.id, imap, smtp)
    assert.equal(again.id, connection.id)
    assert.equal(again.status, 'active')
  })

  test('only owners and admins manage mailboxes; other workspaces’ mailboxes answer 404', async ({ client }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const other = await channelsWorkspace()
    const foreign = await connectedImap(other.workspace.id, imap, smtp)
    await connectedImap(workspace.id, imap, smtp)
    await assertRoleAccess(client, members, ['owner', 'admin'], () => ({ method: 'get', url: `${base}/email` }))
    await assertRoleAccess(client, members, ['owner', 'admin'], () => ({ method: 'post', url: `${base}/email/imap`, body: { address: 'x' } }))
    await assertAnswers404(client, members.admin, [
      { method: 'post', url: `${base}/email/mailboxes/${foreign.id}/sync` },
      { method: 'delete', url: `${base}/email/mailboxes/${foreign.id}` },
      { method: 'post', url: `${base}/email/mailboxes/not-a-uuid/sync` },
      { method: 'get', url: `${other.base}/email` },
    ])
  })

  test('erasing a contact removes their email thread metadata', async ({ assert }) => {
    const { workspace } = await channelsWorkspace()
    const connection = await connectedImap(workspace.id, imap, smtp)
    imap.deliver(customerMail({ subject: 'Forget me' }).raw)
    await new SyncMailbox().handle(connection.id)
    const [ticket] = await ticketsOf(workspace.id)
    const provider = subjectDataProviders().find((entry) => entry.module === 'channels')!
    const subject = { workspaceId: workspace.id, emails: ['carla@customer.test'], phones: [], externalIds: [], ids: { contact: [ticket.contactId] } }
    const found = await provider.collect(subject)
    assert.equal(found[0].table, 'email_messages')
    assert.lengthOf(found[0].rows, 1)
    const outcome = await provider.erase(subject)
    assert.equal(outcome[0].rows, 1)
    assert.lengthOf(await EmailMessage.query().where('contact_id', ticket.contactId), 0)
  })
})
