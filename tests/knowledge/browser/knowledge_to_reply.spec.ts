import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import CreateInboundMessage from '#helpdesk/actions/create_inbound_message'
import { fakeAnthropic, knowledgeGroup, knowledgeWorkspace, withAnthropicKey } from '#tests/knowledge/fixtures'
import { sentText } from '#tests/helpers/fakes/anthropic'

const SCREENS = 'tmp/screens-knowledge'

/**
 * The knowledge base end to end in a real Chromium: an admin uploads a
 * document and waits for it to be ready, asks the playground a question
 * (answered by the fake Anthropic, streamed) and follows the citation to the
 * right passage; an agent opens a ticket, asks for a suggested reply and
 * inserts it into the reply box, then sends it.
 */
test.group('Knowledge base to suggested reply in the browser', (group) => {
  knowledgeGroup(group)

  test('upload → ready → playground answer with citation → ticket → insert the suggested reply', async ({ browserContext, visit, assert }) => {
    const { workspace, members, base } = await knowledgeWorkspace()
    await withAnthropicKey(workspace.id)
    fakeAnthropic.deltaDelayMs = 20

    // The admin adds a document
    await browserContext.loginAs(members.admin)
    const page = await visit(`${base}/knowledge`)
    await page.getByRole('tab', { name: 'Upload a document' }).click()
    await page.getByRole('tabpanel', { name: 'Upload a document' }).locator('input[type="file"]').setInputFiles(app.makePath('tests/fixtures/knowledge/guide.md'))
    await page.getByRole('button', { name: 'Add to knowledge base' }).click()
    const row = page.getByRole('row', { name: /guide\.md/ })
    await row.getByTestId('source-status').filter({ hasText: 'ready' }).waitFor({ timeout: 20_000 })
    assert.include(await row.textContent(), 'This document explains the topic in brief.')
    await page.screenshot({ path: `${SCREENS}/1-sources.png`, fullPage: true })

    // The playground answers from it, with a citation to the right passage
    await page.getByRole('link', { name: 'AI playground' }).click()
    await page.getByLabel('Ask the knowledge base').fill('How do I reset my password?')
    await page.getByRole('button', { name: 'Ask' }).click()
    const answer = page.getByTestId('playground-answer').last()
    await answer.waitFor({ timeout: 20_000 })
    assert.include(await answer.textContent(), 'According to our documentation: Choose Forgot password on the login page and follow the link we email you.')
    assert.include(await answer.getByRole('table', { name: 'Retrieved passages' }).textContent(), 'Password help › Resetting your password')
    await page.screenshot({ path: `${SCREENS}/2-playground.png`, fullPage: true })
    const citation = answer.getByTestId('citation-1')
    assert.equal(await citation.getAttribute('aria-label'), 'Source 1: guide.md › Password help › Resetting your password')
    const href = (await citation.getAttribute('href'))!
    const passagePage = await browserContext.newPage()
    await passagePage.goto(new URL(href, page.url()).href)
    await passagePage.getByTestId('highlighted-passage').waitFor()
    assert.include(await passagePage.getByTestId('highlighted-passage').textContent(), 'Choose Forgot password on the login page')
    await passagePage.screenshot({ path: `${SCREENS}/3-cited-passage.png`, fullPage: true })
    await passagePage.close()

    // An agent opens a ticket and inserts the suggested reply
    const { ticket } = await new CreateInboundMessage().handle({
      workspaceId: workspace.id,
      from: { email: 'paula@customer.test', name: 'Paula Person' },
      subject: 'Cannot log in',
      body: 'I forgot my password and cannot log in. How do I reset it? Paula',
      channel: 'email',
    })
    await browserContext.clearCookies()
    await browserContext.loginAs(members.agent)
    const inbox = await visit(`${base}/inbox/${ticket.id}`)
    await inbox.getByRole('button', { name: 'Suggest reply' }).click()
    const suggestion = inbox.getByTestId('suggested-reply')
    await suggestion.waitFor({ timeout: 20_000 })
    await inbox.getByRole('button', { name: 'Insert into reply' }).and(inbox.locator(':not([disabled])')).waitFor({ timeout: 20_000 })
    assert.include(await suggestion.textContent(), 'Choose Forgot password on the login page')
    await inbox.screenshot({ path: `${SCREENS}/4-suggested-reply.png`, fullPage: true })
    await inbox.getByRole('button', { name: 'Insert into reply' }).click()
    const reply = inbox.getByLabel('Reply to the contact')
    assert.equal(await reply.inputValue(), 'According to our documentation: Choose Forgot password on the login page and follow the link we email you.')
    await reply.fill(`${await reply.inputValue()} Let me know if that works!`)
    await inbox.getByRole('button', { name: 'Send reply' }).click()
    await inbox.locator('[data-testid="message-outbound"]').waitFor()
    assert.include(await inbox.locator('[data-testid="message-outbound"]').textContent(), 'Let me know if that works!')
    const last = sentText(fakeAnthropic.requests.at(-1)!)
    assert.notInclude(last, 'Paula')
    assert.notInclude(last, 'paula@customer.test')
  }).timeout(120_000)
})
