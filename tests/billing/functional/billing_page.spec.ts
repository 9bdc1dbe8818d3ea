import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { UserFactory, WorkspaceFactory } from '#database/factories/identity_factories'
import { memberOf, workspaceWithEveryRole } from '#tests/helpers/identity'
import { assertAnswers404, assertRoleAccess } from '#tests/helpers/tenancy'
import BillingAccount from '#billing/models/billing_account'
import billingConfig from '#config/billing'
import { billedWorkspace, fakeStripe } from '#tests/billing/fixtures'

const stripe = fakeStripe(3542)

const DETAILS = {
  billingName: 'Acme GmbH',
  billingEmail: 'billing@acme.test',
  vatId: 'de 123 456 789',
  address: { line1: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', country: 'de' },
}

test.group('Billing page', (group) => {
  group.setup(async () => {
    await stripe.start()
    return () => stripe.stop()
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => stripe.reset())

  test('owners see plan, trial days left, usage and invoices as DTOs', async ({ client, assert }) => {
    const workspace = await WorkspaceFactory.create()
    const { user: owner } = await memberOf(workspace, 'owner')
    await memberOf(workspace, 'agent')
    await db.table('billing_usage_counters').insert({ workspace_id: workspace.id, resource: 'ai_tokens', period: DateTime.utc().toFormat('yyyy-MM'), used: 1234, updated_at: new Date() })
    const response = await client.get(`/w/${workspace.slug}/billing`).loginAs(owner).withInertia()
    response.assertStatus(200)
    response.assertInertiaComponent('billing/show')
    const props = response.inertiaProps as any
    assert.equal(props.subscription.plan, 'trial')
    assert.equal(props.subscription.status, 'trialing')
    assert.equal(props.subscription.trialDaysLeft, 14)
    assert.deepEqual(props.usage.seats, { used: 2, limit: 10 })
    assert.deepEqual(props.usage.aiTokens, { used: 1234, limit: 1_000_000 })
    assert.deepEqual(props.plans.map((plan: any) => plan.key), ['starter', 'growth', 'scale'])
    assert.notProperty(props.subscription, 'stripeCustomerId')
  })

  test('only owners reach billing; other workspaces answer 404', async ({ client }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    await assertRoleAccess(client, members, ['owner'], () => ({ method: 'get', url: `/w/${workspace.slug}/billing` }))
    await assertRoleAccess(client, members, ['owner'], () => ({ method: 'put', url: `/w/${workspace.slug}/billing/details`, body: DETAILS }))
    await assertRoleAccess(client, members, ['owner'], () => ({ method: 'post', url: `/w/${workspace.slug}/billing/checkout`, body: { plan: 'growth' } }))
    const other = await WorkspaceFactory.create()
    const { user: stranger } = await memberOf(other, 'owner')
    // Checkout (and everything else) for a workspace the user does not own, or is not in: 404.
    await assertAnswers404(client, stranger, [
      { method: 'get', url: `/w/${workspace.slug}/billing` },
      { method: 'post', url: `/w/${workspace.slug}/billing/checkout`, body: { plan: 'starter' } },
      { method: 'post', url: `/w/${workspace.slug}/billing/portal` },
      { method: 'put', url: `/w/${workspace.slug}/billing/plan`, body: { plan: 'scale' } },
      { method: 'put', url: `/w/${workspace.slug}/billing/details`, body: DETAILS },
    ])
  })

  test('checkout creates the Stripe customer and a session that keeps the remaining trial', async ({ client, assert }) => {
    const workspace = await WorkspaceFactory.create()
    const { user: owner } = await memberOf(workspace, 'owner')
    const response = await client.post(`/w/${workspace.slug}/billing/checkout`).loginAs(owner).json({ plan: 'growth' }).accept('json').withCsrfToken()
    response.assertStatus(200)
    const { url } = response.body()
    assert.match(url, new RegExp(`^${stripe.baseUrl}/checkout/cs_test_`))
    const session = [...stripe.sessions.values()][0]
    assert.equal(session._price, 'price_growth_monthly')
    assert.equal(session.client_reference_id, workspace.id)
    assert.approximately(Number(session._subscriptionData.trial_end), DateTime.now().plus({ days: 14 }).toSeconds(), 120)
    const account = await BillingAccount.findByOrFail('workspace_id', workspace.id)
    assert.equal(account.stripeCustomerId, session.customer)
    assert.equal(stripe.customers.get(session.customer)!.email, owner.email)
  })

  test('unknown plans and price ids are refused at the door', async ({ client, assert }) => {
    const workspace = await WorkspaceFactory.create()
    const { user: owner } = await memberOf(workspace, 'owner')
    for (const plan of ['enterprise', 'price_starter_monthly', 'trial', '']) {
      const response = await client.post(`/w/${workspace.slug}/billing/checkout`).loginAs(owner).json({ plan }).accept('json').withCsrfToken()
      response.assertStatus(422)
    }
    assert.lengthOf([...stripe.sessions.values()], 0)
  })

  test('a price id Stripe does not know is a clear 422, not a crash', async ({ client, assert }) => {
    const workspace = await WorkspaceFactory.create()
    const { user: owner } = await memberOf(workspace, 'owner')
    const configured = billingConfig.plans.starter.stripePriceId
    billingConfig.plans.starter.stripePriceId = 'price_nobody_created'
    try {
      const response = await client.post(`/w/${workspace.slug}/billing/checkout`).loginAs(owner).json({ plan: 'starter' }).accept('json').withCsrfToken()
      response.assertStatus(422)
      assert.equal(response.body().code, 'E_UNKNOWN_PRICE')
      assert.include(response.body().message, 'Stripe does not know the price of this plan')
    } finally {
      billingConfig.plans.starter.stripePriceId = configured
    }
  })

  test('a plan with fewer seats than in use is refused with the count (checkout and plan change)', async ({ client, assert }) => {
    const { workspace, owner, account, customerId } = await billedWorkspace(stripe, { plan: 'growth', status: 'active' })
    for (let index = 0; index < 3; index++) await memberOf(workspace, 'agent')
    await db.table('invitations').insert({ workspace_id: workspace.id, email: 'pending@acme.test', role: 'agent', token_hash: 'x'.repeat(64), expires_at: DateTime.now().plus({ days: 3 }).toJSDate(), created_at: new Date(), updated_at: new Date() })
    const subscription = stripe.createSubscription(customerId, 'price_growth_monthly', { fingerprint: 'fp_a' })
    account.stripeSubscriptionId = subscription.id
    await account.save()

    const change = await client.put(`/w/${workspace.slug}/billing/plan`).loginAs(owner).json({ plan: 'starter' }).accept('json').withCsrfToken()
    change.assertStatus(422)
    assert.equal(change.body().message, 'The Starter plan includes 3 seats, but 5 are in use (members and pending invitations). Remove 2 or choose a larger plan.')
    assert.equal(stripe.subscriptions.get(subscription.id)!.items.data[0].price.id, 'price_growth_monthly')

    account.merge({ status: 'canceled' })
    await account.save()
    const checkout = await client.post(`/w/${workspace.slug}/billing/checkout`).loginAs(owner).json({ plan: 'starter' }).accept('json').withCsrfToken()
    checkout.assertStatus(422)
    assert.include(checkout.body().message, '5 are in use')
  })

  test('changing plan updates the Stripe subscription; the plan follows the webhook', async ({ client, assert }) => {
    const { workspace, owner, account, customerId } = await billedWorkspace(stripe, { plan: 'starter', status: 'active' })
    const subscription = stripe.createSubscription(customerId, 'price_starter_monthly', { fingerprint: 'fp_a' })
    await stripe.send('customer.subscription.created', subscription)
    stripe.clockOffset += 1
    const response = await client
      .put(`/w/${workspace.slug}/billing/plan`)
      .loginAs(owner)
      .header('referer', `/w/${workspace.slug}/billing`)
      .form({ plan: 'scale' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    await stripe.settled(2)
    const updated = await BillingAccount.findOrFail(account.id)
    assert.equal(updated.plan, 'scale')
    assert.equal(updated.status, 'active')
  })

  test('billing details are saved sealed, validated, and passed to the Stripe customer', async ({ client, assert }) => {
    const { workspace, owner, account, customerId } = await billedWorkspace(stripe)
    const response = await client.put(`/w/${workspace.slug}/billing/details`).loginAs(owner).json(DETAILS).accept('json').withCsrfToken().redirects(0)
    response.assertStatus(302)
    const stored = await db.from('billing_accounts').where('id', account.id).firstOrFail()
    for (const column of ['billing_email', 'billing_name', 'vat_id', 'billing_address']) assert.match(stored[column], /^vd1:/)
    const reloaded = await BillingAccount.findOrFail(account.id)
    assert.equal(reloaded.vatId, 'DE123456789')
    assert.equal(reloaded.billingAddress!.country, 'DE')
    assert.equal(stripe.customers.get(customerId)!.name, 'Acme GmbH')
    assert.equal(stripe.customers.get(customerId)!.address.city, 'Berlin')

    const bad = await client
      .put(`/w/${workspace.slug}/billing/details`)
      .loginAs(owner)
      .header('referer', `/w/${workspace.slug}/billing`)
      .json({ ...DETAILS, vatId: '12', address: { ...DETAILS.address, country: 'Germany' } })
      .withCsrfToken()
      .redirects(0)
    bad.assertStatus(302)
    assert.deepEqual(bad.flashMessages().inputErrorsBag, {
      'vatId': ['Enter the VAT ID with its country prefix, e.g. DE123456789.'],
      'address.country': ['Enter the two-letter country code, e.g. DE.'],
    })
  })

  test('the customer portal opens for a paying workspace only', async ({ client, assert }) => {
    const { workspace, owner } = await billedWorkspace(stripe)
    const portal = await client.post(`/w/${workspace.slug}/billing/portal`).loginAs(owner).accept('json').withCsrfToken()
    portal.assertStatus(200)
    assert.match(portal.body().url, /\/portal\/bps_/)

    const fresh = await WorkspaceFactory.create()
    const { user: freshOwner } = await memberOf(fresh, 'owner')
    const refused = await client.post(`/w/${fresh.slug}/billing/portal`).loginAs(freshOwner).accept('json').withCsrfToken()
    refused.assertStatus(422)
    assert.include(refused.body().message, 'Choose a plan first')
  })

  test('without Stripe keys, checkout answers a clear 503 instead of a crash', async ({ client, assert }) => {
    await stripe.stop()
    try {
      const workspace = await WorkspaceFactory.create()
      const { user: owner } = await memberOf(workspace, 'owner')
      const response = await client.post(`/w/${workspace.slug}/billing/checkout`).loginAs(owner).json({ plan: 'starter' }).accept('json').withCsrfToken()
      response.assertStatus(503)
      assert.include(response.body().message, 'Payments are not configured')
    } finally {
      await stripe.start()
    }
  })

  test('a user with no workspace of their own cannot probe billing', async ({ client }) => {
    const workspace = await WorkspaceFactory.create()
    const stranger = await UserFactory.create()
    await assertAnswers404(client, stranger, [{ method: 'get', url: `/w/${workspace.slug}/billing` }])
  })
})
