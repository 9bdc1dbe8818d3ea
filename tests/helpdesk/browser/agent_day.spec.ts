import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import drive from '@adonisjs/drive/services/main'
import { keyStore } from '#vault/index'
import { smtpSink } from '#tests/helpers/smtp_sink'
import { workspaceWithEveryRole } from '#tests/helpers/identity'
import SaveCannedReply from '#helpdesk/actions/save_canned_reply'
import CreateInboundMessage from '#helpdesk/actions/create_inbound_message'
import Ticket from '#helpdesk/models/ticket'

/**
 * The agent's day in a real Chromium: the inbox is open when a contact
 * writes in (through the same action the channels and the API use); the
 * ticket appears without a reload; the agent opens it by keyboard, replies
 * with a canned reply, adds an internal note, assigns it to themselves and
 * resolves it; the contact rates the conversation from the survey mail,
 * and the score shows up on the agent's screen; the owner's report counts it.
 */
test.group('Agent’s day in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    keyStore.clear()
    smtpSink.clear()
    drive.fake('files')
    return () => drive.restore('files')
  })

  test('a contact writes in → live in the inbox → canned reply, note, assign, resolve → CSAT from the mail', async ({ browser, browserContext, visit, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const agent = members.agent
    await new SaveCannedReply().handle({
      workspaceId: workspace.id,
      title: 'Looking into it',
      body: 'Hi {{contact.name}}, thanks for reporting {{ticket.number}}. I am on it. — {{agent.name}}',
      actorUserId: members.admin.id,
    })

    await browserContext.loginAs(agent)
    const page = await visit(`/w/${workspace.slug}/inbox`)
    await page.getByText('No tickets match these filters.').waitFor()
    await page.locator('[data-live="on"]').waitFor({ timeout: 15_000 })

    // A contact writes in, as the email channel or the API would
    const { ticket, contact } = await new CreateInboundMessage().handle({
      workspaceId: workspace.id,
      from: { email: 'clara@customer.test', name: 'Clara Customer' },
      subject: 'Export button does nothing',
      body: 'When I click Export, nothing happens. Can you help?',
      channel: 'email',
    })
    const row = page.locator(`[data-testid="ticket-row-${ticket.number}"]`)
    await row.waitFor({ timeout: 10_000 })
    await page.assertTextContains(`[data-testid="ticket-row-${ticket.number}"]`, 'Export button does nothing')
    await page.assertTextContains('[data-testid="live-announcement"]', `New ticket #${ticket.number}`)
    await page.getByText('1–1 of 1 ticket', { exact: true }).waitFor()
    assert.equal(page.url().split('?')[0].endsWith('/inbox'), true, 'no reload, no navigation happened')

    // Open it with the keyboard
    await page.keyboard.press('j')
    await page.waitForURL(`**/inbox/${ticket.id}*`)
    await page.assertTextContains('[data-testid="ticket-title"]', 'Export button does nothing')

    // Reply with a canned reply (placeholders filled for this contact and agent)
    await page.keyboard.press('r')
    await page.getByRole('combobox', { name: 'Insert canned reply' }).click()
    await page.getByRole('option', { name: 'Looking into it' }).click()
    await page.getByRole('button', { name: 'Send reply' }).click()
    await page.locator('[data-testid="message-outbound"]').waitFor()
    await page.assertTextContains('[data-testid="message-outbound"]', `Hi Clara Customer, thanks for reporting #${ticket.number}. I am on it. — ${agent.fullName}`)

    // Internal note (Ctrl+Enter sends)
    await page.keyboard.press('n')
    await page.getByLabel('Internal note (only your team sees it)').fill('Reproduced on Firefox; engineering ticket ENG-42.')
    await page.keyboard.press('Control+Enter')
    await page.locator('[data-testid="message-note"]').waitFor()
    await page.assertTextContains('[data-testid="message-note"]', 'added an internal note')
    await page.assertTextContains('[data-testid="message-note"]', 'ENG-42')

    // Assign to me, then resolve, by keyboard
    await page.locator('body').click({ position: { x: 5, y: 300 } })
    // Pressed back to back: the second change waits for the first and is sent with the version it produced
    await page.keyboard.press('a')
    await page.keyboard.press('e')
    await page.locator('[data-testid="ticket-status"]', { hasText: /resolved/i }).waitFor()
    const properties = page.getByRole('region', { name: 'Ticket properties' })
    assert.equal(await properties.getByRole('textbox', { name: 'Assignee' }).or(properties.getByLabel('Assignee')).first().inputValue(), agent.fullName)
    const resolved = await Ticket.findOrFail(ticket.id)
    assert.equal(resolved.status, 'resolved')
    assert.equal(resolved.assigneeUserId, agent.id)
    assert.isNotNull(resolved.firstResponseAt)

    // The contact rates from the survey mail (no sign-in), in their own browser
    const mail = await smtpSink.lastTo(contact.email!, /How did we do\?/)
    assert.notInclude(mail.text, 'ENG-42', 'the internal note never reaches the contact')
    const link = mail.text.match(/^5 – Excellent: (\S+)$/m)![1]
    const url = new URL(link)
    const contactContext = await browser.newContext()
    const contactPage = await contactContext.newPage()
    await contactPage.goto(`${page.url().split('/w/')[0]}${url.pathname}${url.search}`)
    await contactPage.getByTestId('csat-recorded').waitFor()
    assert.include(await contactPage.getByTestId('csat-recorded').textContent(), '5 – Excellent')
    await contactPage.getByLabel('Anything you would like to add? (optional)').fill('Fast and friendly.')
    await contactPage.getByRole('button', { name: 'Send comment' }).click()
    await contactPage.getByTestId('csat-thanks').waitFor()
    await contactContext.close()

    // The agent's open ticket shows the score without a reload
    await page.locator('[data-testid="csat-score"]').waitFor({ timeout: 10_000 })
    await page.assertTextContains('[data-testid="csat-score"]', '5/5')

    // The owner's reports page counts the ticket, its resolution and the rating
    const ownerContext = await browser.newContext()
    await ownerContext.loginAs(members.owner)
    const reports = await ownerContext.newPage()
    await reports.goto(`${page.url().split('/w/')[0]}/w/${workspace.slug}/reports`)
    await reports.getByTestId('stat-created-value').waitFor()
    assert.equal((await reports.getByTestId('stat-created-value').textContent())!.trim(), '1')
    assert.include(await reports.getByTestId('stat-csat-value').textContent(), '5.00')
    assert.include(await reports.getByTestId('table-agents').textContent(), agent.fullName)
    await ownerContext.close()
  }).timeout(120_000)
})
