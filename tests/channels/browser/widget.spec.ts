import { test } from '@japa/runner'
import { createServer, type Server } from 'node:http'
import env from '#start/env'
import { Ticket } from '#helpdesk/index'
import SaveWidget from '#channels/actions/save_widget'
import { channelsGroup, channelsWorkspace } from '#tests/channels/fixtures'

const SCREENS = 'tmp/screens-channels'
/** A customer's website on another local origin. */
const HOST_PORT = 3551
const HOST_ORIGIN = `http://127.0.0.1:${HOST_PORT}`

function hostSite(snippet: string): Promise<Server> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(`<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>Shop</title></head><body><h1>Acme shop</h1><p>Our products.</p>${snippet}</body></html>`)
  })
  return new Promise((resolve) => server.listen(HOST_PORT, '127.0.0.1', () => resolve(server)))
}

/**
 * The widget end to end in Chromium: a page on another origin embeds the
 * one-line snippet; a visitor opens the chat and writes; an agent, in a
 * second browser context, answers from the inbox; the visitor sees the reply
 * live (SSE), without reloading.
 */
test.group('Widget in the browser', (group) => {
  channelsGroup(group)

  test('a visitor on another origin chats and sees the agent reply live', async ({ browser, browserContext, visit, assert, cleanup }) => {
    const { workspace, members, base } = await channelsWorkspace()
    const { widget } = await new SaveWidget().handle(workspace.id, { name: 'Acme support', color: '#2f9e44', greeting: 'Hi! Ask us anything.', allowedOrigins: [HOST_ORIGIN], aiEnabled: false })
    const server = await hostSite(`<script src="${env.get('APP_URL')}/widget/loader.js" data-widget="${widget.id}" async></script>`)
    cleanup(() => new Promise<void>((resolve) => server.close(() => resolve())))

    const visitorContext = await browser.newContext()
    cleanup(() => visitorContext.close())
    const site = await visitorContext.newPage()
    await site.goto(HOST_ORIGIN)
    const launcher = site.getByRole('button', { name: 'Chat with us' })
    await launcher.waitFor()
    await launcher.focus()
    await site.keyboard.press('Enter')
    const chat = site.getByRole('dialog', { name: 'Chat' })
    await chat.getByText('Hi! Ask us anything.').waitFor()
    await chat.getByLabel('Your message').fill('Do you ship to Norway?')
    await site.keyboard.press('Enter')
    await chat.getByRole('listitem').filter({ hasText: 'Do you ship to Norway?' }).waitFor()
    await site.screenshot({ path: `${SCREENS}/5-widget-visitor.png` })

    // The agent answers from the inbox in a second context
    const ticket = await Ticket.query().where('workspace_id', workspace.id).where('channel', 'chat').firstOrFail()
    await browserContext.loginAs(members.agent)
    const inbox = await visit(`${base}/inbox/${ticket.id}`)
    await inbox.getByText('Do you ship to Norway?').first().waitFor()
    await inbox.getByLabel('Reply to the contact').fill('Yes, in 3 to 5 days.')
    await inbox.getByRole('button', { name: 'Send reply' }).click()
    await inbox.locator('[data-testid="message-outbound"]').waitFor()

    // The visitor sees it live
    await chat.getByRole('listitem').filter({ hasText: 'Yes, in 3 to 5 days.' }).waitFor({ timeout: 10_000 })
    await site.screenshot({ path: `${SCREENS}/6-widget-reply.png` })

    // Mobile width: the panel fills the screen and Escape closes it
    await site.setViewportSize({ width: 375, height: 700 })
    const box = await chat.boundingBox()
    assert.equal(Math.round(box!.width), 375)
    await site.screenshot({ path: `${SCREENS}/7-widget-mobile.png` })
    await chat.getByLabel('Your message').press('Escape')
    await chat.waitFor({ state: 'hidden' })
    await launcher.click()
    await chat.getByRole('button', { name: 'Minimise chat' }).click()
    await chat.waitFor({ state: 'hidden' })
    // The host page set no cookie for the widget
    assert.deepEqual((await visitorContext.cookies()).filter((cookie) => cookie.domain.includes('localhost')), [])
  })

  test('an admin configures the widget and copies the snippet', async ({ browserContext, visit, assert }) => {
    const { members, base } = await channelsWorkspace()
    await browserContext.loginAs(members.admin)
    const page = await visit(`${base}/widget`)
    await page.getByLabel('Widget name').fill('Acme support')
    await page.getByLabel('Allowed sites').fill('not a site')
    await page.getByRole('button', { name: 'Create widget' }).click()
    await page.getByText('is not a web address').first().waitFor()
    await page.getByLabel('Allowed sites').fill(`${HOST_ORIGIN}\nhttps://www.acme.test`)
    await page.getByRole('button', { name: 'Create widget' }).click()
    await page.getByText('Identity secret, shown only now').waitFor()
    const snippet = await page.getByLabel('Widget snippet').textContent()
    assert.match(snippet!, /<script src="http:\/\/[^"]+\/widget\/loader\.js" data-widget="[0-9a-f-]{36}" async><\/script>/)
    await page.screenshot({ path: `${SCREENS}/8-widget-settings.png`, fullPage: true })
    await page.reload()
    await page.getByRole('button', { name: 'Save widget' }).waitFor()
    assert.notInclude(await page.content(), 'Identity secret, shown only now')
  })
})
