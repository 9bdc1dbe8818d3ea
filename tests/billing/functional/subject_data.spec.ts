import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { recipientSourcesList, subjectDataProviders, type SubjectIdentifiers } from '#core/subject_data'
import { billedWorkspace, fakeStripe } from '#tests/billing/fixtures'
import BillingAccount from '#billing/models/billing_account'
import { TAX_RECORDS_BASIS } from '#billing/subject_data'

const stripe = fakeStripe(3544)

function subject(email: string, workspaceId: string | null = null): SubjectIdentifiers {
  return { workspaceId, emails: [email], phones: [], externalIds: [], ids: {} }
}

function billingProvider() {
  return subjectDataProviders().find((provider) => provider.module === 'billing')!
}

test.group('Billing contact in data-subject requests', (group) => {
  group.setup(async () => {
    await stripe.start()
    return () => stripe.stop()
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => stripe.reset())

  async function billedContact() {
    const billed = await billedWorkspace(stripe, { plan: 'starter', status: 'active' })
    const account = await BillingAccount.findOrFail(billed.account.id)
    account.merge({ billingEmail: 'Ledger@Acme.test', billingName: 'Acme GmbH', vatId: 'DE123456789' })
    await account.save()
    const subscription = stripe.createSubscription(billed.customerId, 'price_starter_monthly', { fingerprint: 'fp_a' })
    await stripe.send('invoice.paid', stripe.createInvoice(subscription, true))
    return billed
  }

  test('an access export holds the billing contact, invoices and payments', async ({ assert }) => {
    const { workspace } = await billedContact()
    const records = await billingProvider().collect(subject('ledger@acme.test'))
    const byTable = Object.fromEntries(records.map((record) => [record.table, record.rows]))
    assert.deepEqual(Object.keys(byTable).sort(), ['billing_accounts', 'billing_invoices', 'billing_payments'])
    assert.include(byTable.billing_accounts[0], { billing_name: 'Acme GmbH', billing_email: 'Ledger@Acme.test', vat_id: 'DE123456789', workspace_id: workspace.id })
    assert.lengthOf(byTable.billing_invoices, 1)
    assert.include(byTable.billing_invoices[0], { status: 'paid', total: 2900, currency: 'eur' })
    assert.include(byTable.billing_payments[0], { outcome: 'succeeded', amount: 2900 })

    // Scoped: a request in another workspace finds nothing; an unknown address finds nothing.
    assert.deepEqual(await billingProvider().collect(subject('ledger@acme.test', '00000000-0000-0000-0000-000000000000')), [])
    assert.deepEqual(await billingProvider().collect(subject('nobody@acme.test')), [])
  })

  test('erasure keeps the tax records and says why; nothing is deleted', async ({ assert }) => {
    const { account } = await billedContact()
    const outcomes = await billingProvider().erase(subject('ledger@acme.test'))
    const invoices = outcomes.find((outcome) => outcome.table === 'billing_invoices')!
    assert.include(invoices, { action: 'retained', rows: 1, legalBasis: TAX_RECORDS_BASIS })
    for (const outcome of outcomes) {
      assert.equal(outcome.action, 'retained')
      assert.isString(outcome.legalBasis)
    }
    const kept = await BillingAccount.findOrFail(account.id)
    assert.equal(kept.billingName, 'Acme GmbH')
  })

  test('Stripe is named as a recipient of the contact’s data', async ({ assert }) => {
    await billedContact()
    const recipients = (await Promise.all(recipientSourcesList().map((source) => source(subject('ledger@acme.test'))))).flat()
    assert.deepInclude(recipients, { name: 'Stripe', kind: 'subprocessor', purpose: 'Payments, subscriptions and invoices', contact: 'privacy@stripe.com' })
    const none = (await Promise.all(recipientSourcesList().map((source) => source(subject('nobody@acme.test'))))).flat()
    assert.notDeepInclude(none, { name: 'Stripe', kind: 'subprocessor', purpose: 'Payments, subscriptions and invoices', contact: 'privacy@stripe.com' })
  })
})
