import { test } from '@japa/runner'
import { CreateContact, ContactExternalId } from '#helpdesk/index'
import { SubmitSessionVerifiedRequest } from '#privacy/index'
import { privacyGroup, privacyWorkspace } from '#tests/privacy/fixtures'

const SCREENS = 'tmp/screens-privacy'

/**
 * A visitor signed in on the site objects to marketing and AI use from the
 * chat widget (filed verified through the widget session); privacy staff
 * see how it was verified in the queue, fulfil it, and the agent sees the
 * objections, with their dates, on the contact's page.
 */
test.group('Objection from the widget to the contact page', (group) => {
  privacyGroup(group)

  test('widget-verified objection: queue shows the verification, the contact page the objections', async ({ browserContext, visit, assert }) => {
    const { workspace, members, desk } = await privacyWorkspace()
    const contact = await new CreateContact().handle(workspace.id, { name: 'Wanda Widget', email: 'wanda@example.test', externalIds: [{ system: 'widget', value: 'user-42' }] })
    assert.lengthOf(await ContactExternalId.query().where('contact_id', contact.id), 1)
    const { reference } = await new SubmitSessionVerifiedRequest().handle({
      workspaceId: workspace.id,
      contactId: contact.id,
      email: contact.email,
      type: 'objection',
      purposes: ['marketing', 'ai'],
      widgetSessionId: '00000000-0000-4000-8000-000000000001',
    })

    await browserContext.loginAs(members.privacy)
    const staff = await visit(desk)
    const queue = staff.getByRole('table', { name: 'Privacy requests' })
    await queue.waitFor()
    await staff.assertTextContains('[aria-label="Privacy requests"]', 'Widget (signed in on the site)')
    await staff.screenshot({ path: `${SCREENS}/widget-1-queue.png`, fullPage: true })
    await staff.getByRole('link', { name: reference }).click()
    // Staff can widen the search with another identifier the person is known by.
    await staff.getByLabel('Identifier').fill('+49 30 1234567')
    await staff.getByRole('button', { name: 'Add identifier' }).click()
    await staff.getByTestId('flash-success').filter({ hasText: 'Identifier added' }).waitFor()
    await staff.assertTextContains('[data-testid="extra-identifiers"]', 'Phone: +49 30 1234567')
    await staff.screenshot({ path: `${SCREENS}/widget-1b-request.png`, fullPage: true })
    await staff.getByRole('button', { name: 'Approve' }).click()
    await staff.getByTestId('flash-success').filter({ hasText: 'approved' }).waitFor()
    await staff.getByRole('button', { name: 'Fulfil request' }).click()
    await staff.getByTestId('flash-success').filter({ hasText: 'fulfilled' }).waitFor()

    await browserContext.clearCookies()
    await browserContext.loginAs(members.agent)
    const page = await visit(`/w/${workspace.slug}/contacts/${contact.id}`)
    const section = page.getByTestId('processing-objections')
    await section.waitFor()
    await page.assertTextContains('[data-testid="processing-objections"]', 'Objected to Marketing')
    await page.assertTextContains('[data-testid="processing-objections"]', 'Objected to AI features')
    await page.assertTextContains('[data-testid="processing-objections"]', new Date().toLocaleDateString('en-US'))
    await page.screenshot({ path: `${SCREENS}/widget-2-contact.png`, fullPage: true })
  })
})
