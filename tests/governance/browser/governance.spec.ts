import { test } from '@japa/runner'
import { mkdirSync } from 'node:fs'
import db from '@adonisjs/lucid/services/db'
import AnnounceSubprocessor from '#governance/actions/announce_subprocessor'
import { RecordConsent, SaveConsentPurpose, consentLink } from '#governance/index'
import ConsentEvent from '#governance/models/consent_event'
import SubprocessorObjection from '#governance/models/subprocessor_objection'
import { SmtpSink, smtpSink } from '#tests/helpers/smtp_sink'
import { workspaceWithEveryRole } from '#tests/helpers/identity'
import { agedTicket, governanceGroup, operatorUser } from '#tests/governance/fixtures'

const SCREENS = 'tmp/screens-governance'
mkdirSync(SCREENS, { recursive: true })

/** Screenshots for people to look at, not assertions: a slow one on a loaded machine must not fail the test. */
async function snap(page: { screenshot(options: object): Promise<unknown> }, name: string) {
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true, timeout: 15_000 }).catch((error: Error) => console.warn(`screenshot ${name} skipped: ${error.message}`))
}

/**
 * The governance promises in a real Chromium: an owner reads the retention
 * dry run and runs it; an owner follows a subprocessor notice mail and
 * objects during the notice period (the operator sees it); a contact
 * withdraws consent with one click from their link.
 */
test.group('Governance in the browser', (group) => {
  governanceGroup(group)

  test('retention dry run, then a run recorded in the history', async ({ browserContext, visit, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    await agedTicket(workspace.id, { status: 'resolved', daysAgo: 800 })
    await agedTicket(workspace.id, { status: 'closed', daysAgo: 900 })
    await agedTicket(workspace.id, { status: 'resolved', daysAgo: 5 })
    await browserContext.loginAs(members.owner)
    const page = await visit(`/w/${workspace.slug}/governance/retention`)
    await page.assertTextContains('[data-testid="retention-preview-summary"]', 'This run would delete 2 tickets and 2 contacts.')
    await snap(page, 'retention_preview')
    assert.equal(Number((await db.from('tickets').where('workspace_id', workspace.id).count('* as n'))[0].n), 3, 'the preview deleted nothing')

    await page.getByRole('button', { name: 'Run retention now' }).click()
    await page.assertTextContains('[data-testid="flash-success"]', 'Retention run started')
    await page.assertTextContains('[data-testid="retention-run"]', 'helpdesk.resolved_tickets: 2')
    await page.assertTextContains('[data-testid="retention-preview-summary"]', 'This run would change nothing')
  })

  test('a subprocessor notice by mail, an objection from the portal, seen by the operator', async ({ browser, browserContext, visit, assert }) => {
    const operator = await operatorUser()
    const { workspace, members } = await workspaceWithEveryRole()
    await new AnnounceSubprocessor().handle(
      { name: 'Blue Analytics', legalEntity: 'Blue Analytics Inc.', country: 'United States', category: 'Product analytics', purpose: 'Usage analytics', region: 'US', transferMechanism: 'EU SCCs + DPF', processesWorkspaceData: true },
      operator.id
    )
    const mail = await smtpSink.lastTo(members.owner.email, /New subprocessor: Blue Analytics/)
    const link = new URL(SmtpSink.linkIn(mail, '/governance/subprocessors'))

    await browserContext.loginAs(members.owner)
    const page = await visit(link.pathname)
    await page.locator('[data-testid="upcoming-Blue Analytics"]').waitFor()
    await page.getByRole('button', { name: 'Object to Blue Analytics' }).click()
    await page.getByLabel('Why do you object to Blue Analytics?').fill('Our contracts forbid transfers to the US.')
    await page.getByRole('button', { name: 'Send objection' }).click()
    await page.assertTextContains('[data-testid="flash-success"]', 'Your objection was recorded')
    await page.assertTextContains('[data-testid="objection-Blue Analytics"]', 'Our contracts forbid transfers to the US.')
    await snap(page, 'subprocessor_objection')
    assert.lengthOf(await SubprocessorObjection.query().where('workspace_id', workspace.id), 1)

    const operatorContext = await browser.newContext()
    await operatorContext.loginAs(operator)
    const consolePage = await operatorContext.newPage()
    await consolePage.goto(`${process.env.APP_URL}/operator/subprocessors`)
    await consolePage.locator('[data-testid="objection"]').first().waitFor()
    assert.include(await consolePage.locator('[data-testid="registry-Blue Analytics"]').innerText(), 'Our contracts forbid transfers to the US.')
    await snap(consolePage, 'operator_subprocessors')
  })

  test('a contact withdraws consent with one click from their link', async ({ visit, assert }) => {
    const { workspace } = await workspaceWithEveryRole()
    const { contact } = await agedTicket(workspace.id, { status: 'open', daysAgo: 1 })
    const { version } = await new SaveConsentPurpose().handle({ workspaceId: workspace.id, key: 'marketing_emails', name: 'Marketing emails', text: 'Send me product news by email.' })
    await new RecordConsent().handle({ workspaceId: workspace.id, subject: { type: 'contact', id: contact.id }, purposeKey: 'marketing_emails', decision: 'grant', textHash: version.textHash, channel: 'widget' })

    const link = new URL(consentLink(workspace.id, { type: 'contact', id: contact.id }))
    const page = await visit(link.pathname + link.search)
    await page.getByRole('button', { name: 'Withdraw consent for Marketing emails' }).click()
    await page.assertTextContains('[data-testid="flash-success"]', 'Your consent is withdrawn.')
    await page.getByRole('button', { name: 'Give consent for Marketing emails' }).waitFor()
    await snap(page, 'consent_withdrawn')
    const events = await ConsentEvent.query().where('subject_id', contact.id).orderBy('id')
    assert.deepEqual(events.map((event) => event.decision), ['grant', 'withdraw'])
  })
})
