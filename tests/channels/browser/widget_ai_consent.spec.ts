import { test } from '@japa/runner'
import { createServer, type Server } from 'node:http'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { SaveConsentPurpose } from '#governance/index'
import SaveWidget from '#channels/actions/save_widget'
import WidgetSession from '#channels/models/widget_session'
import { userHashOf } from '#channels/services/widget_identity'
import { publishedArticle } from '#tests/channels/fixtures'
import { FakeDns } from '#tests/helpers/fakes/dns'
import { fakeAnthropic, knowledgeGroup, knowledgeWorkspace, withAnthropicKey } from '#tests/knowledge/fixtures'

const SCREENS = 'tmp/screens-channels'
/** A customer's website on another local origin (its own port, apart from the other widget test's). */
const HOST_PORT = 3439
const HOST_ORIGIN = `http://127.0.0.1:${HOST_PORT}`
const CONSENT_TEXT = 'May we keep anonymous statistics about this chat to improve our answers? You can withdraw at any time.'

function hostSite(snippet: string): Promise<Server> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(`<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>Shop</title></head><body><h1>Acme shop</h1><p>Our products.</p>${snippet}</body></html>`)
  })
  return new Promise((resolve) => server.listen(HOST_PORT, '127.0.0.1', () => resolve(server)))
}

const ledger = (workspaceId: string) => db.from('consent_events').where('workspace_id', workspaceId).orderBy('id')

/**
 * Consent, AI answers, hand-off and privacy requests in the widget, in
 * Chromium: the host page is on another origin; the agent works in a second
 * browser context; the AI is the local fake Anthropic server.
 */
test.group('Widget in the browser: consent, AI answers, hand-off', (group) => {
  knowledgeGroup(group)

  test('consent is asked and recorded, the AI answers with a source link, the visitor asks for a person and the agent reply arrives live', async ({ browser, browserContext, visit, assert, cleanup }) => {
    const { workspace, members, base } = await knowledgeWorkspace()
    await withAnthropicKey(workspace.id)
    await publishedArticle(workspace, 'Refunds', 'Annual plans can be refunded in full within 30 days of purchase. Monthly plans are not refunded.')
    await new SaveConsentPurpose().handle({ workspaceId: workspace.id, key: 'analytics', name: 'Chat analytics', text: CONSENT_TEXT })
    const { widget, secret } = await new SaveWidget().handle(workspace.id, {
      name: 'Acme support',
      color: '#2f9e44',
      greeting: 'Hi! Ask us anything.',
      allowedOrigins: [HOST_ORIGIN],
      aiEnabled: true,
      consentPurposes: ['analytics'],
    })
    const server = await hostSite(`<script src="${env.get('APP_URL')}/widget/loader.js" data-widget="${widget.id}" async></script>`)
    cleanup(() => new Promise<void>((resolve) => server.close(() => resolve())))

    const visitorContext = await browser.newContext()
    cleanup(() => visitorContext.close())
    const site = await visitorContext.newPage()
    // The session answers only after the visitor has opened the chat (a slow network): focus must still reach the choice.
    let releaseSession = () => {}
    const sessionHeld = new Promise<void>((resolve) => (releaseSession = resolve))
    await site.route('**/sessions', async (route) => {
      await sessionHeld
      await route.continue()
    })
    await site.goto(HOST_ORIGIN)
    await site.evaluate(() => {
      const page = globalThis as any
      const seen: string[] = (page.__events = [])
      for (const name of ['open', 'close', 'message', 'consent', 'handoff']) page.Vaultdesk?.on(name, (detail: any) => seen.push(`${name}:${detail?.from ?? detail?.decision ?? ''}`))
    })
    const launcher = site.getByRole('button', { name: 'Chat with us' })
    await launcher.click()
    const chat = site.getByRole('dialog', { name: 'Chat' })
    releaseSession()

    // The consent choice, with the exact stored text and its version, before the chat starts; focus is on it
    const consent = chat.getByRole('region', { name: 'Your privacy choices' })
    await consent.getByText(CONSENT_TEXT).waitFor()
    await consent.getByText('Version 1 · Not chosen yet').waitFor()
    assert.equal(await site.evaluate(() => (globalThis as any).document.querySelector('[data-vaultdesk]').shadowRoot.activeElement?.textContent), 'Allow')
    await site.screenshot({ path: `${SCREENS}/9-widget-consent.png` })
    await consent.getByRole('button', { name: 'Allow: Chat analytics' }).click()
    await chat.getByText('Thank you: your consent is recorded.').waitFor()
    await consent.waitFor({ state: 'hidden' })
    const granted = await ledger(workspace.id)
    assert.deepEqual(granted.map((event) => [event.subject_type, event.decision, event.channel]), [['visitor', 'grant', 'widget']])
    const version = await db.from('consent_purpose_versions').where('workspace_id', workspace.id).firstOrFail()
    assert.equal(granted[0].text_hash, version.text_hash)

    // The AI answers from the help center, with a numbered source linking to the article
    fakeAnthropic.requests = []
    await chat.getByLabel('Your message').fill('Can I get a refund for my annual plan?')
    await site.keyboard.press('Enter')
    const answer = chat.getByRole('listitem').filter({ hasText: 'AI assistant' })
    await answer.waitFor({ timeout: 15_000 })
    await answer.getByText('Annual plans can be refunded in full within 30 days of purchase.', { exact: false }).waitFor()
    const source = answer.getByRole('link', { name: 'Refunds' })
    assert.equal(await source.getAttribute('href'), `${env.get('APP_URL')}/help/${workspace.slug}/articles/refunds`)
    assert.lengthOf(fakeAnthropic.requests, 1)
    await site.screenshot({ path: `${SCREENS}/10-widget-ai-answer.png` })

    // "Talk to a person": handed over to the inbox
    await chat.getByRole('button', { name: 'Talk to a person' }).click()
    await chat.getByText('A person from our team will reply here as soon as possible.').waitFor()
    await chat.getByRole('button', { name: 'Talk to a person' }).waitFor({ state: 'hidden' })
    const session = await WidgetSession.query().where('widget_id', widget.id).whereNotNull('handed_off_at').firstOrFail()

    // The agent sees the AI exchange and the hand-off note, and answers
    await browserContext.loginAs(members.agent)
    const inbox = await visit(`${base}/inbox/${session.ticketId}`)
    await inbox.getByText('Can I get a refund for my annual plan?').first().waitFor()
    await inbox.getByText('According to our documentation', { exact: false }).first().waitFor()
    await inbox.getByText('the visitor asked to talk to a person', { exact: false }).first().waitFor()
    await inbox.screenshot({ path: `${SCREENS}/11-inbox-handed-off.png`, fullPage: true })
    await inbox.getByLabel('Reply to the contact').fill('Hi, Alex here: I have started your refund.')
    await inbox.getByRole('button', { name: 'Send reply' }).click()
    const reply = chat.getByRole('listitem').filter({ hasText: 'I have started your refund.' })
    await reply.waitFor({ timeout: 10_000 })
    assert.include(await reply.textContent(), 'Support team')
    await site.screenshot({ path: `${SCREENS}/12-widget-agent-reply.png` })

    // Withdrawal is as easy as giving: one click in "Privacy choices"; the ledger now speaks of the contact
    await chat.getByRole('button', { name: 'Privacy choices' }).click()
    await consent.getByRole('button', { name: 'Withdraw consent: Chat analytics' }).click()
    await chat.getByText('Your consent is withdrawn.').waitFor()
    const latest = (await ledger(workspace.id)).at(-1)
    assert.deepInclude([latest.subject_type, latest.subject_id, latest.decision], 'withdraw')
    assert.equal(latest.subject_id, (await WidgetSession.findOrFail(session.id)).contactId)

    // Events reached the host page
    const events: string[] = await site.evaluate(() => (globalThis as any).__events)
    assert.includeMembers(events, ['open:', 'consent:grant', 'message:assistant', 'handoff:', 'message:agent', 'consent:withdraw'])

    // Signed-in visitors get a privacy-request entry
    const externalId = 'customer-42'
    const identified = await site.evaluate(
      ([id, hash]) => (globalThis as any).Vaultdesk.identify({ externalId: id, name: 'Clara Customer', email: 'clara@customer.test', userHash: hash }),
      [externalId, userHashOf(secret!, externalId)]
    )
    assert.isTrue(identified.verified)
    await chat.getByRole('button', { name: 'Privacy request' }).click()
    const privacy = chat.getByRole('region', { name: 'Privacy request' })
    await privacy.getByLabel('What would you like us to do?').selectOption('access')
    await privacy.getByLabel('Details (optional)').fill('Please send me everything you hold about me.')
    await privacy.getByRole('button', { name: 'Send request' }).click()
    const status = privacy.getByRole('link', { name: 'Follow your request' })
    await status.waitFor({ timeout: 10_000 })
    assert.match(String(await status.getAttribute('href')), /^http/)
    await site.screenshot({ path: `${SCREENS}/13-widget-privacy-request.png` })

    // Mobile width: the panel fills the screen
    await site.setViewportSize({ width: 375, height: 740 })
    const box = await chat.boundingBox()
    assert.equal(Math.round(box!.width), 375)
    await site.screenshot({ path: `${SCREENS}/14-widget-mobile-ai.png` })
  })

  test('with Global Privacy Control the visitor is not asked: the widget says so and the ledger holds refusals', async ({ browser, assert, cleanup }) => {
    const { workspace } = await knowledgeWorkspace()
    await new SaveConsentPurpose().handle({ workspaceId: workspace.id, key: 'analytics', name: 'Chat analytics', text: CONSENT_TEXT })
    await new SaveConsentPurpose().handle({ workspaceId: workspace.id, key: 'marketing', name: 'Product news', text: 'May we email you news about our products?' })
    const { widget } = await new SaveWidget().handle(workspace.id, { name: 'Acme support', color: '#2f9e44', greeting: 'Hi!', allowedOrigins: [HOST_ORIGIN], aiEnabled: false, consentPurposes: ['analytics', 'marketing'] })
    const server = await hostSite(`<script src="${env.get('APP_URL')}/widget/loader.js" data-widget="${widget.id}" async></script>`)
    cleanup(() => new Promise<void>((resolve) => server.close(() => resolve())))
    // A browser with GPC on: the header on every request and navigator.globalPrivacyControl
    const context = await browser.newContext({ extraHTTPHeaders: { 'Sec-GPC': '1' } })
    cleanup(() => context.close())
    await context.addInitScript(() => Object.defineProperty((globalThis as any).Navigator.prototype, 'globalPrivacyControl', { get: () => true }))
    const site = await context.newPage()
    await site.setViewportSize({ width: 375, height: 740 })
    await site.goto(HOST_ORIGIN)
    await site.getByRole('button', { name: 'Chat with us' }).click()
    const chat = site.getByRole('dialog', { name: 'Chat' })
    await chat.getByText('Your browser sends the Global Privacy Control signal', { exact: false }).waitFor()
    await chat.getByText('Version 1 · Refused (Global Privacy Control)').first().waitFor()
    assert.equal(await chat.getByRole('button', { name: /^Allow/ }).count(), 0)
    await site.screenshot({ path: `${SCREENS}/15-widget-gpc-mobile.png` })
    const events = await ledger(workspace.id)
    assert.deepEqual(events.map((event) => [event.decision, event.gpc]), [['refuse', true], ['refuse', true]])
  })
})

test.group('Portal pages: widget consent settings and the help center’s custom domain', (group) => {
  knowledgeGroup(group)
  const fakeDns = new FakeDns()
  group.setup(async () => {
    await fakeDns.start()
    env.set('HELP_CENTER_DNS_SERVERS', fakeDns.server)
    return () => fakeDns.stop()
  })

  test('an admin picks the consent purposes and turns AI answers on, then sets and verifies a custom domain', async ({ browserContext, visit, assert }) => {
    const { workspace, members, base } = await knowledgeWorkspace()
    await new SaveConsentPurpose().handle({ workspaceId: workspace.id, key: 'analytics', name: 'Chat analytics', text: CONSENT_TEXT })
    await new SaveWidget().handle(workspace.id, { name: 'Acme support', color: '#2f9e44', greeting: 'Hi!', allowedOrigins: [HOST_ORIGIN], aiEnabled: false })
    await browserContext.loginAs(members.admin)
    const page = await visit(`${base}/widget`)
    await page.getByRole('checkbox', { name: 'Chat analytics (v1)' }).check()
    await page.getByRole('checkbox', { name: 'AI answers' }).check()
    await page.getByRole('button', { name: 'Save widget' }).click()
    await page.getByText('Widget settings saved.').waitFor()
    await page.screenshot({ path: `${SCREENS}/16-widget-settings-consent-ai.png`, fullPage: true })
    const widget = await db.from('widgets').where('workspace_id', workspace.id).firstOrFail()
    assert.deepEqual(widget.consent_purpose_keys, ['analytics'])
    assert.isTrue(widget.ai_enabled)

    const help = await visit(`${base}/help-center`)
    const section = help.getByRole('region', { name: 'Custom domain' })
    await section.getByLabel('Domain').fill('https://help.acme.test/')
    await section.getByRole('button', { name: 'Save domain' }).click()
    await section.getByText('is not a domain name').waitFor()
    await section.getByLabel('Domain').fill('help.acme.test')
    await section.getByRole('button', { name: 'Save domain' }).click()
    await section.getByText('_vaultdesk-verification.help.acme.test').waitFor()
    await section.getByRole('button', { name: 'Verify' }).click()
    await section.getByText('No TXT record _vaultdesk-verification.help.acme.test was found yet', { exact: false }).waitFor()
    const token = await db.from('help_center_domains').where('workspace_id', workspace.id).firstOrFail()
    fakeDns.txt.set('_vaultdesk-verification.help.acme.test', [`vaultdesk-verification=${token.verification_token}`])
    await section.getByRole('button', { name: 'Verify' }).click()
    await section.getByText('Verified', { exact: true }).waitFor()
    await help.screenshot({ path: `${SCREENS}/17-help-center-custom-domain.png`, fullPage: true })
  })
})
