import { test } from '@japa/runner'
import { simpleParser } from 'mailparser'
import MailboxConnection from '#channels/models/mailbox_connection'
import { FakeGoogle } from '#tests/helpers/fakes/google'
import { FakeMicrosoft } from '#tests/helpers/fakes/microsoft'
import { channelsGroup, channelsWorkspace } from '#tests/channels/fixtures'

const SCREENS = 'tmp/screens-email'

function customerMail(subject: string, body: string) {
  const id = `${Math.random().toString(36).slice(2)}@customer.test`
  return {
    id,
    raw: `From: Carla Customer <carla@customer.test>\nTo: support@acme-mail.test\nSubject: ${subject}\nMessage-ID: <${id}>\nDate: ${new Date().toUTCString()}\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n${body}\n`,
  }
}

/**
 * The "Done when" for Gmail, in Chromium: an admin clicks Connect
 * Gmail, passes the (fake) Google consent page, the mailbox shows on the
 * Email page; a mail arriving at the fake Gmail becomes a ticket in the
 * inbox; the agent's reply arrives at Gmail's messages.send in the same
 * thread with In-Reply-To set.
 */
test.group('Gmail and Microsoft 365 in the browser', (group) => {
  channelsGroup(group)
  const google = new FakeGoogle()
  const microsoft = new FakeMicrosoft()
  group.setup(async () => {
    await google.start()
    await microsoft.start()
    return async () => {
      await google.stop()
      await microsoft.stop()
    }
  })
  group.each.setup(() => {
    google.reset()
    microsoft.reset()
  })

  test('an admin connects Gmail, mail becomes a ticket, the agent’s reply goes out in the Gmail thread', async ({ browserContext, visit, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()
    await browserContext.loginAs(members.admin)
    const page = await visit(`${base}/email`)
    await page.getByRole('link', { name: 'Connect Gmail' }).click()

    // Google's consent screen (the fake), then back to Vaultdesk
    await page.waitForURL(`${google.baseUrl}/**`)
    await page.getByText('support@acme-mail.test').waitFor()
    await page.screenshot({ path: `${SCREENS}/5-gmail-consent.png`, fullPage: true })
    await page.getByRole('button', { name: 'Allow' }).click()
    await page.getByText('Gmail mailbox support@acme-mail.test connected.').waitFor()
    const row = page.getByTestId('mailbox-support@acme-mail.test')
    await row.getByText('Active').waitFor()
    await row.getByText('Gmail').waitFor()
    const connection = await MailboxConnection.query().where('workspace_id', workspace.id).firstOrFail()
    assert.notInclude(await page.content(), String(connection.credentials.accessToken))
    assert.notInclude(await page.content(), String(connection.credentials.refreshToken))
    await page.screenshot({ path: `${SCREENS}/6-gmail-connected.png`, fullPage: true })

    // A customer writes; the first sync takes recent INBOX mail
    const mail = customerMail('Refund for order 1234', 'Hello, I returned order 1234 two weeks ago. Where is my refund?')
    const delivered = google.deliver(mail.raw)
    await row.getByRole('button', { name: 'Sync now' }).click()
    await page.getByText('Synced: 1 new email.').waitFor()

    // The agent answers from the inbox
    await browserContext.loginAs(members.agent)
    const inbox = await visit(`${base}/inbox`)
    await inbox.getByText('Refund for order 1234').first().click()
    await inbox.getByText('Where is my refund?').first().waitFor()
    await inbox.getByLabel('Reply to the contact').fill('Your refund was issued today; it shows within 5 business days.')
    await inbox.getByRole('button', { name: 'Send reply' }).click()
    await inbox.locator('[data-testid="message-outbound"]').waitFor()
    await inbox.setViewportSize({ width: 1280, height: 1000 })
    await inbox.evaluate('window.scrollTo(0, 0)')
    await inbox.screenshot({ path: `${SCREENS}/7-gmail-agent-replied.png` })

    // Gmail received the reply in the customer's thread, threaded by headers too
    await waitUntil(() => google.sent.length > 0)
    assert.equal(google.sent[0].threadId, delivered.threadId)
    const sent = await simpleParser(google.sent[0].raw)
    assert.equal(sent.inReplyTo, `<${mail.id}>`)
    assert.include([sent.references].flat(), `<${mail.id}>`)
    assert.equal(sent.subject, 'Re: Refund for order 1234')
    assert.equal(sent.from?.value[0].address, 'support@acme-mail.test')
    assert.include(sent.text ?? '', 'Your refund was issued today')
  })

  test('an admin connects Microsoft 365; a refused token later shows the reconnect prompt', async ({ browserContext, visit }) => {
    const { members, base } = await channelsWorkspace()
    await browserContext.loginAs(members.owner)
    const page = await visit(`${base}/email`)
    await page.getByRole('link', { name: 'Connect Microsoft 365' }).click()
    await page.waitForURL(`${microsoft.baseUrl}/**`)
    await page.getByRole('button', { name: 'Allow' }).click()
    await page.getByText('Microsoft 365 mailbox support@contoso-mail.test connected.').waitFor()
    const row = page.getByTestId('mailbox-support@contoso-mail.test')
    await row.getByText('Active').waitFor()

    // The tenant admin revokes the app: the next sync asks for a reconnect
    microsoft.revokeGrant()
    await row.getByRole('button', { name: 'Sync now' }).click()
    await page.getByRole('alert').filter({ hasText: 'Reconnect support@contoso-mail.test' }).waitFor()
    await page.screenshot({ path: `${SCREENS}/8-microsoft-reconnect.png`, fullPage: true })
    await page.getByRole('link', { name: 'Reconnect Microsoft 365' }).click()
    await page.waitForURL(`${microsoft.baseUrl}/**`)
    await page.getByRole('button', { name: 'Allow' }).click()
    await page.getByText('Microsoft 365 mailbox support@contoso-mail.test connected.').waitFor()
    await page.getByRole('alert').filter({ hasText: 'Reconnect' }).waitFor({ state: 'detached' })
  })
})

async function waitUntil(condition: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
