import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DEFAULT_TEST_PASSWORD, UserFactory } from '#database/factories/identity_factories'
import { smtpSink } from '#tests/helpers/smtp_sink'
import BillingAccount from '#billing/models/billing_account'
import { fakeStripe } from '#tests/billing/fixtures'

const stripe = fakeStripe(3545)
const SCREENS = 'tmp/screens-billing'

/**
 * An owner's billing, in a real Chromium: a new workspace is on its free
 * trial; the owner picks Starter, pays on the (fake) Stripe Checkout page,
 * comes back; the trial ends on Stripe's clock and the first invoice is
 * paid (webhooks); then inviting a fourth seat is refused with the limit
 * and an upgrade link that leads back to billing.
 */
test.group('Billing in the browser', (group) => {
  group.setup(async () => {
    await stripe.start()
    return () => stripe.stop()
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    stripe.reset()
    smtpSink.clear()
  })

  test('new workspace → trial → Stripe Checkout → paid → seat limit → upgrade prompt', async ({ visit, assert }) => {
    const owner = await UserFactory.merge({ email: 'olga@northwind-traders.test', fullName: 'Olga Owner' }).create()
    // Sign in through the login form, like a person
    const page = await visit('/login')
    await page.getByLabel(/^Email/).fill(owner.email)
    await page.getByLabel(/^Password/).fill(DEFAULT_TEST_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL('**/workspaces/new', { timeout: 90_000 })
    await page.getByLabel('Workspace name').fill('Northwind Traders')
    await page.getByRole('button', { name: 'Create workspace' }).click()
    await page.waitForURL('**/w/northwind-traders')
    await page.getByRole('link', { name: 'Billing', exact: true }).click()
    await page.waitForURL('**/w/northwind-traders/billing')
    await page.assertTextContains('[data-testid="current-plan"]', 'Free trial plan')
    await page.locator('[data-testid="plan-status"][data-status="trialing"]').waitFor()
    await page.assertTextContains('[data-testid="trial-days"]', '14 days left in the free trial')
    await page.assertTextContains('[data-testid="usage-seats"]', '1 of 10')
    await page.screenshot({ path: `${SCREENS}/1-trial.png`, fullPage: true })

    // Choose Starter → Stripe Checkout (the fake's hosted page) → Pay
    await page.getByRole('button', { name: 'Choose Starter' }).click()
    await page.waitForURL(`${stripe.baseUrl}/checkout/**`)
    await page.assertTextContains('[data-testid="summary"]', 'then €29.00 a month')
    await page.screenshot({ path: `${SCREENS}/2-checkout.png` })
    await page.getByRole('button', { name: 'Pay' }).click()
    await page.waitForURL('**/w/northwind-traders/billing?checkout=success')
    await page.assertTextContains('body', 'Stripe confirmed your checkout')
    await page.assertTextContains('[data-testid="current-plan"]', 'Starter plan')
    await page.locator('[data-testid="plan-status"][data-status="trialing"]').waitFor()

    // Stripe's clock reaches the trial end: first invoice paid, subscription active (webhooks)
    const account = await BillingAccount.findByOrFail('stripe_customer_id', [...stripe.customers.keys()][0])
    const ended = await stripe.endTrial(account.stripeSubscriptionId!)
    assert.equal(ended.status, 200)
    await page.reload()
    await page.locator('[data-testid="plan-status"][data-status="active"]').waitFor()
    await page.assertTextContains('[data-testid="usage-seats"]', '1 of 3')
    await page.assertTextContains('table[aria-label="Invoices"]', '€29.00')
    assert.match((await page.locator('table[aria-label="Invoices"] tbody').textContent())!, /VD-\d{4}.*€29\.00paid/)
    await page.screenshot({ path: `${SCREENS}/3-paid.png`, fullPage: true })

    // Two more seats fit the Starter plan; the fourth is refused with an upgrade link
    await page.getByRole('link', { name: 'Members', exact: true }).click()
    await page.waitForURL('**/w/northwind-traders/members')
    for (const email of ['ann@northwind-traders.test', 'bob@northwind-traders.test']) {
      await page.getByLabel(/^Email/).fill(email)
      await page.getByRole('button', { name: 'Send invitation' }).click()
      await page.assertTextContains('body', `Invitation sent to ${email}.`)
    }
    await page.getByLabel(/^Email/).fill('cid@northwind-traders.test')
    await page.getByRole('button', { name: 'Send invitation' }).click()
    await page.assertTextContains('[data-testid="flash-error"]', 'Your Starter plan includes 3 seats (3 in use).')
    await page.screenshot({ path: `${SCREENS}/4-seat-limit.png`, fullPage: true })
    await page.getByRole('link', { name: 'Upgrade your plan' }).click()
    await page.waitForURL('**/w/northwind-traders/billing')
    await page.getByRole('button', { name: 'Switch to Growth' }).waitFor()
    assert.lengthOf(smtpSink.messages.filter((mail) => mail.to.includes('cid@northwind-traders.test')), 0)
  }).timeout(180_000)
})
