import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import BillingAccount from '#billing/models/billing_account'
import { billedWorkspace, fakeStripe, postWebhook } from '#tests/billing/fixtures'

const stripe = fakeStripe(3541)

async function reload(account: BillingAccount) {
  return BillingAccount.findOrFail(account.id)
}

async function auditActions(workspaceId: string) {
  const rows = await db.from('audit_entries').where('workspace_id', workspaceId).where('action', 'billing.subscription_changed').orderBy('sequence')
  return rows.map((row) => `${row.metadata.from_status}→${row.metadata.to_status}`)
}

test.group('Stripe webhooks', (group) => {
  group.setup(async () => {
    await stripe.start()
    return () => stripe.stop()
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => stripe.reset())

  test('unsigned, tampered and replayed payloads are refused with 400 and change nothing', async ({ assert }) => {
    const { account, customerId } = await billedWorkspace(stripe)
    const subscription = stripe.createSubscription(customerId, 'price_starter_monthly', { fingerprint: 'fp_a' })
    const payload = JSON.stringify(stripe.event('customer.subscription.created', subscription))

    assert.equal((await postWebhook(payload)).status, 400)
    assert.equal((await postWebhook(payload, 't=123,v1=deadbeef')).status, 400)
    const tampered = payload.replace('"active"', '"canceled"')
    assert.equal((await postWebhook(tampered, stripe.sign(payload))).status, 400)
    // A genuine signature from 10 minutes ago: outside Stripe's 5-minute tolerance, so a replay.
    const old = Math.floor(Date.now() / 1000) - 600
    const replay = await postWebhook(payload, stripe.sign(payload, old))
    assert.equal(replay.status, 400)
    assert.include(JSON.parse(replay.body).message, 'signature')

    assert.lengthOf(await db.from('billing_webhook_events'), 0)
    const unchanged = await reload(account)
    assert.equal(unchanged.status, 'trialing')
    assert.isNull(unchanged.stripeSubscriptionId)
  })

  test('an event delivered twice is applied once', async ({ assert }) => {
    const { account, customerId } = await billedWorkspace(stripe)
    const subscription = stripe.createSubscription(customerId, 'price_starter_monthly', { fingerprint: 'fp_a' })
    const invoice = stripe.createInvoice(subscription, true)
    const event = stripe.event('invoice.paid', invoice)
    const first = await stripe.deliver(event)
    const second = await stripe.deliver(event)
    assert.equal(first.status, 200)
    assert.equal(second.status, 200)
    assert.isTrue(JSON.parse(second.body).duplicate)
    assert.lengthOf(await db.from('billing_payments').where('workspace_id', account.workspaceId), 1)
    assert.lengthOf(await db.from('billing_invoices').where('workspace_id', account.workspaceId), 1)
    const [row] = await db.from('billing_webhook_events').where('id', event.id)
    assert.equal(row.outcome, 'applied')
  })

  test('every transition of the state machine, each audited', async ({ assert }) => {
    const { account, customerId } = await billedWorkspace(stripe)
    const subscription = stripe.createSubscription(customerId, 'price_growth_monthly', { trialEnd: stripe.now() + 10 * 86400, fingerprint: 'fp_a' })
    await stripe.send('customer.subscription.created', subscription)
    let current = await reload(account)
    assert.equal(current.status, 'trialing')
    assert.equal(current.plan, 'growth')
    assert.equal(current.stripeSubscriptionId, subscription.id)

    const steps = [
      ['active', () => stripe.endTrial(subscription.id)],
      ['past_due', () => stripe.failPayment(subscription.id)],
      ['active', () => stripe.setStatus(subscription.id, 'active')],
      ['past_due', () => stripe.setStatus(subscription.id, 'past_due')],
      ['unpaid', () => stripe.setStatus(subscription.id, 'unpaid')],
      ['active', () => stripe.setStatus(subscription.id, 'active')],
      ['unpaid', () => stripe.setStatus(subscription.id, 'unpaid')],
      ['canceled', () => stripe.setStatus(subscription.id, 'canceled')],
    ] as const
    for (const [expected, step] of steps) {
      stripe.clockOffset += 1 // each event a second after the previous one
      const delivered = await step()
      assert.equal(delivered.status, 200)
      current = await reload(account)
      assert.equal(current.status, expected)
    }
    assert.deepEqual(await auditActions(account.workspaceId), [
      'trialing→trialing',
      'trialing→active',
      'active→past_due',
      'past_due→active',
      'active→past_due',
      'past_due→unpaid',
      'unpaid→active',
      'active→unpaid',
      'unpaid→canceled',
    ])
    // The failed renewal left a payment record next to the paid one.
    const payments = await db.from('billing_payments').where('workspace_id', account.workspaceId).orderBy('occurred_at')
    assert.deepEqual(payments.map((payment) => payment.outcome).sort(), ['failed', 'succeeded'])
  })

  test('trialing and past_due subscriptions may also end: trialing → canceled, past_due → canceled', async ({ assert }) => {
    for (const path of [['canceled'], ['past_due', 'canceled']]) {
      const { account, customerId } = await billedWorkspace(stripe)
      const subscription = stripe.createSubscription(customerId, 'price_starter_monthly', { trialEnd: stripe.now() + 5 * 86400, fingerprint: 'fp_a' })
      await stripe.send('customer.subscription.created', subscription)
      for (const status of path) {
        stripe.clockOffset += 1
        await stripe.setStatus(subscription.id, status)
      }
      assert.equal((await reload(account)).status, 'canceled')
    }
  })

  test('out-of-order and stale events never roll the state back', async ({ assert }) => {
    const { account, customerId } = await billedWorkspace(stripe)
    const subscription = stripe.createSubscription(customerId, 'price_starter_monthly', { fingerprint: 'fp_a' })
    const now = stripe.now()
    const created = stripe.event('customer.subscription.created', { ...subscription, status: 'incomplete' }, now - 20)
    const active = stripe.event('customer.subscription.updated', { ...subscription, status: 'active' }, now - 10)
    const pastDue = stripe.event('customer.subscription.updated', { ...subscription, status: 'past_due' }, now)
    // Delivered newest first
    await stripe.deliver(pastDue)
    await stripe.deliver(active)
    await stripe.deliver(created)
    assert.equal((await reload(account)).status, 'past_due')
    const outcomes = await db.from('billing_webhook_events').whereIn('id', [active.id, created.id]).select('outcome')
    assert.deepEqual(outcomes.map((row) => row.outcome), ['stale', 'stale'])

    // Canceled is final for a subscription: a later "active" for it is not applied.
    await stripe.deliver(stripe.event('customer.subscription.deleted', { ...subscription, status: 'canceled' }, now + 10))
    const late = stripe.event('customer.subscription.updated', { ...subscription, status: 'active' }, now + 20)
    await stripe.deliver(late)
    assert.equal((await reload(account)).status, 'canceled')
    const [row] = await db.from('billing_webhook_events').where('id', late.id)
    assert.equal(row.outcome, 'invalid_transition')
  })

  test('a webhook for an unknown customer is logged and acknowledged; nothing is created', async ({ assert }) => {
    const subscription = stripe.createSubscription('cus_nobody', 'price_starter_monthly', { fingerprint: 'fp_a' })
    const accountsBefore = await db.from('billing_accounts').count('* as n')
    const response = await stripe.send('customer.subscription.created', subscription)
    assert.equal(response.status, 200)
    const invoice = await stripe.send('invoice.paid', stripe.createInvoice(subscription, true))
    assert.equal(invoice.status, 200)
    assert.deepEqual(await db.from('billing_accounts').count('* as n'), accountsBefore)
    assert.lengthOf(await db.from('billing_invoices').where('stripe_invoice_id', 'like', 'in_%'), 0)
    const outcomes = await db.from('billing_webhook_events').select('outcome')
    assert.deepEqual(outcomes.map((row) => row.outcome), ['unknown_customer', 'unknown_customer'])
  })

  test('an event that fails to apply is forgotten, so Stripe’s retry is processed', async ({ assert }) => {
    const { account, customerId } = await billedWorkspace(stripe)
    const subscription = stripe.createSubscription(customerId, 'price_starter_monthly', { fingerprint: 'fp_a' })
    stripe.subscriptions.delete(subscription.id) // Stripe briefly answers 404 for it
    const session = { id: 'cs_test_retry', object: 'checkout.session', customer: customerId, subscription: subscription.id, mode: 'subscription', metadata: {} }
    const event = stripe.event('checkout.session.completed', session)
    const failed = await stripe.deliver(event)
    assert.equal(failed.status, 500)
    assert.lengthOf(await db.from('billing_webhook_events').where('id', event.id), 0)

    stripe.subscriptions.set(subscription.id, subscription)
    const retried = await stripe.deliver(event)
    assert.equal(retried.status, 200)
    assert.equal((await reload(account)).stripeSubscriptionId, subscription.id)
  })

  test('invoices are kept locally with the newest state', async ({ assert }) => {
    const { account, customerId } = await billedWorkspace(stripe)
    const subscription = stripe.createSubscription(customerId, 'price_scale_monthly', { fingerprint: 'fp_a' })
    const invoice = stripe.createInvoice(subscription, false)
    const now = stripe.now()
    await stripe.deliver(stripe.event('invoice.paid', { ...invoice, status: 'paid', amount_paid: invoice.total }, now))
    await stripe.deliver(stripe.event('invoice.finalized', invoice, now - 30))
    const [stored] = await db.from('billing_invoices').where('workspace_id', account.workspaceId)
    assert.equal(stored.status, 'paid')
    assert.equal(Number(stored.total), 39900)
    assert.equal(stored.number, invoice.number)
  })
})
