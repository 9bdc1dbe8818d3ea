import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { workspaceWithEveryRole } from '#tests/helpers/identity'
import { seedKnownEvents, KNOWN_RANGE } from '#tests/helpdesk/functional/reports/report_fixtures'

/** An owner opens the reports page after some helpdesk activity: figures, charts, a filter, a saved report. */
test.group('Reports in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the owner sees the figures and charts, filters by channel and saves the report', async ({ visit, browserContext, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    await seedKnownEvents(workspace, members)
    await browserContext.loginAs(members.owner)

    const page = await visit(`/w/${workspace.slug}/reports?from=${KNOWN_RANGE.from}&to=${KNOWN_RANGE.to}`)
    await page.assertTextContains('[data-testid=stat-created-value]', '5')
    await page.assertTextContains('[data-testid=stat-first-response-value]', '2 min')
    await page.assertTextContains('[data-testid=stat-resolution-value]', '1 h 30 min')
    await page.assertTextContains('[data-testid=stat-csat-value]', '3.67 / 5')
    await page.assertTextContains('[data-testid=stat-csat]', '3 ratings, 66.7% satisfied')
    for (const chart of ['chart-volume', 'chart-csat', 'chart-agents']) {
      await page.locator(`[data-testid=${chart}] .recharts-surface`).first().waitFor({ state: 'visible' })
    }
    assert.isAbove(await page.locator('[data-testid=chart-volume] .recharts-line').count(), 1, 'created and resolved lines')
    await page.assertTextContains('[data-testid=table-agents]', members.agent.fullName)
    await page.locator('[data-testid=table-tags]').getByText('billing', { exact: true }).waitFor()

    await page.getByRole('textbox', { name: 'Channel', exact: true }).or(page.getByRole('combobox', { name: 'Channel', exact: true })).first().click()
    await page.getByRole('option', { name: 'Chat' }).click()
    await page.waitForURL(/channel=chat/)
    await page.assertTextContains('[data-testid=stat-created-value]', '2')

    await page.getByLabel('Save these filters as').fill('Chat in March')
    await page.getByRole('button', { name: 'Save report' }).click()
    await page.assertTextContains('body', 'Saved the report "Chat in March".')
    await page.waitForURL(/report=/)
    await page.assertTextContains('[data-testid=stat-created-value]', '2')
  })
})
