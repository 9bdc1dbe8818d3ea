import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import { Ticket } from '#helpdesk/index'
import EmailMessage from '#channels/models/email_message'
import { channelsGroup, channelsWorkspace } from '#tests/channels/fixtures'
import { ImapTestServer, MailboxSmtpSink, MAILBOX_ADDRESS, MAILBOX_PASSWORD, customerMail } from '#tests/channels/email_fixtures'

const SCREENS = 'tmp/screens-email'

async function fillServer(page: Page, kind: 'IMAP' | 'SMTP', port: number, password: string) {
  const box = page.getByRole('group', { name: `${kind} server` })
  await box.getByLabel(`${kind} host`).fill('127.0.0.1')
  await box.getByLabel(`${kind} port`).fill(String(port))
  await box.getByRole('checkbox').uncheck()
  await box.getByLabel(`${kind} user name`).fill(MAILBOX_ADDRESS)
  await box.locator('input[type=password]').fill(password)
}

/**
 * The IMAP/SMTP channel end to end in Chromium: an admin connects a mailbox
 * on the Email page (a wrong password is refused first), a customer's mail
 * lands in the IMAP server, "Sync now" turns it into a ticket, an agent
 * answers from the inbox and the answer reaches the SMTP server in the
 * customer's thread.
 */
test.group('Email channel in the browser', (group) => {
  channelsGroup(group)
  const imap = new ImapTestServer()
  const smtp = new MailboxSmtpSink()
  group.setup(async () => {
    await imap.start()
    await smtp.start()
    return async () => {
      await imap.stop()
      await smtp.stop()
    }
  })

  test('an admin connects an IMAP mailbox, mail becomes a ticket, the agent’s reply goes out in the thread', async ({ browserContext, visit, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    await browserContext.loginAs(members.admin)
    const page = await visit(`${base}/email`)
    // A cold Vite dev server on a busy machine can take a while for the first page.
    await page.getByText('No mailbox is connected yet.').waitFor({ timeout: 60_000 })
    assert.isTrue(await page.getByRole('link', { name: 'Connect Gmail' }).isVisible())
    assert.isTrue(await page.getByRole('link', { name: 'Connect Microsoft 365' }).isVisible())
    await page.getByRole('button', { name: 'Connect IMAP/SMTP mailbox' }).click()
    await page.getByLabel('Support address').fill(MAILBOX_ADDRESS)
    await fillServer(page, 'IMAP', imap.port, 'wrong-password')
    await fillServer(page, 'SMTP', smtp.port, MAILBOX_PASSWORD)
    await page.getByRole('button', { name: 'Test and connect' }).click()
    await page.getByText('refused the user name or password').waitFor()
    await page.screenshot({ path: `${SCREENS}/1-imap-refused.png`, fullPage: true })

    await page.getByRole('group', { name: 'IMAP server' }).locator('input[type=password]').fill(MAILBOX_PASSWORD)
    await page.getByRole('button', { name: 'Test and connect' }).click()
    await page.getByText(`Connected ${MAILBOX_ADDRESS}`).waitFor()
    const row = page.getByTestId(`mailbox-${MAILBOX_ADDRESS}`)
    await row.getByText('Active').waitFor()
    assert.notInclude(await page.content(), MAILBOX_PASSWORD)

    const mail = customerMail({ subject: 'My parcel never arrived', body: 'Hello, parcel 4711 never arrived. Can you help?' })
    imap.deliver(mail.raw)
    await row.getByRole('button', { name: 'Sync now' }).click()
    await page.getByText('Synced: 1 new email.').waitFor()
    await page.screenshot({ path: `${SCREENS}/2-mailbox-synced.png`, fullPage: true })

    // The agent finds the ticket in the inbox and answers
    await browserContext.loginAs(members.agent)
    const inbox = await visit(`${base}/inbox`)
    await inbox.getByText('My parcel never arrived').first().click()
    await inbox.getByText('parcel 4711 never arrived').first().waitFor()
    await inbox.getByLabel('Reply to the contact').fill('Sorry about that! A new parcel leaves today.')
    await inbox.getByRole('button', { name: 'Send reply' }).click()
    await inbox.locator('[data-testid="message-outbound"]').waitFor()
    await inbox.screenshot({ path: `${SCREENS}/3-agent-replied.png`, fullPage: true })

    const sent = await smtp.waitFor((message) => message.parsed.subject === 'Re: My parcel never arrived', 10_000)
    assert.deepEqual(sent.to, ['carla@customer.test'])
    assert.equal(sent.parsed.inReplyTo, `<${mail.id}>`)
    assert.include([sent.parsed.references].flat(), `<${mail.id}>`)
    assert.include(sent.parsed.text ?? '', 'A new parcel leaves today.')
    const ticket = await Ticket.query().where('workspace_id', workspace.id).firstOrFail()
    const outbound = await EmailMessage.query().where('ticket_id', ticket.id).where('direction', 'outbound').firstOrFail()
    assert.equal(outbound.status, 'sent')
  }).timeout(120_000)

  test('a mailbox whose password was changed shows a reconnect prompt', async ({ browserContext, visit }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const { connectedImap } = await import('#tests/channels/email_fixtures')
    const connection = await connectedImap(workspace.id, imap, smtp)
    connection.merge({ status: 'reconnect_required', lastError: 'The IMAP server refused the user name or password.' })
    await connection.save()
    await browserContext.loginAs(members.owner)
    const page = await visit(`${base}/email`)
    await page.getByRole('alert').filter({ hasText: `Reconnect ${MAILBOX_ADDRESS}` }).waitFor()
    await page.getByRole('button', { name: 'Enter the IMAP/SMTP settings again' }).click()
    await page.getByLabel('Support address').waitFor()
    await page.screenshot({ path: `${SCREENS}/4-reconnect-prompt.png`, fullPage: true })
  })
})
