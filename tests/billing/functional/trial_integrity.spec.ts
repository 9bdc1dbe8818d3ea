import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { UserFactory, WorkspaceFactory } from '#database/factories/identity_factories'
import BillingAccount from '#billing/models/billing_account'
import StartTrial from '#billing/actions/start_trial'
import { businessDomainOf, publicIpOf } from '#billing/services/trial_integrity'
import { fakeStripe } from '#tests/billing/fixtures'

const stripe = fakeStripe(3543)

async function createWorkspace(client: any, email: string, name: string) {
  const user = await UserFactory.merge({ email }).create()
  const response = await client.post('/workspaces').loginAs(user).form({ name }).withCsrfToken().redirects(0)
  response.assertStatus(302)
  const workspace = await db.from('workspaces').where('name', name).firstOrFail()
  return { user, workspace, account: await BillingAccount.findByOrFail('workspace_id', workspace.id) }
}

/** Checkout and Pay on the fake Stripe, as the browser would. */
async function checkoutAndPay(client: any, owner: any, slug: string, plan = 'starter') {
  const response = await client.post(`/w/${slug}/billing/checkout`).loginAs(owner).json({ plan }).accept('json').withCsrfToken()
  response.assertStatus(200)
  const pay = await fetch(`${response.body().url}/pay`, { method: 'POST', redirect: 'manual' })
  return pay
}

test.group('Trial integrity', (group) => {
  group.setup(async () => {
    await stripe.start()
    return () => stripe.stop()
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => stripe.reset())

  test('a new workspace starts a 14-day trial', async ({ client, assert }) => {
    const { account } = await createWorkspace(client, 'fiona@fresh-startup.test', 'Fresh Startup')
    assert.equal(account.status, 'trialing')
    assert.equal(account.plan, 'trial')
    assert.approximately(account.trialEndsAt!.toSeconds(), DateTime.now().plus({ days: 14 }).toSeconds(), 60)
    const logged = await db.from('audit_entries').where('workspace_id', account.workspaceId).where('action', 'billing.trial_started')
    assert.lengthOf(logged, 1)
  })

  test('a second trial for the same business domain is refused with a clear message; personal domains are not organisations', async ({ client, assert }) => {
    await createWorkspace(client, 'fiona@acme-corp.test', 'Acme One')
    const { user, account, workspace } = await createWorkspace(client, 'bob@ACME-corp.test', 'Acme Two')
    assert.equal(account.status, 'none')
    assert.equal(account.trialRefusedReason, 'email_domain')
    const page = await client.get(`/w/${workspace.slug}/billing`).loginAs(user).withInertia()
    assert.equal(
      (page.inertiaProps as any).subscription.trialRefusal,
      'Your organisation already had a free trial in another workspace, so this workspace has no free trial.'
    )
    assert.equal((page.inertiaProps as any).usage.seats.limit, 1)

    const first = await createWorkspace(client, 'ann@gmail.com', 'Ann Shop')
    const second = await createWorkspace(client, 'ben@gmail.com', 'Ben Shop')
    assert.equal(first.account.status, 'trialing')
    assert.equal(second.account.status, 'trialing')
    assert.isNull(businessDomainOf('someone@googlemail.com'))
    assert.equal(businessDomainOf('Someone@Example.ORG'), 'example.org')
  })

  test('the same public IP within 30 days refuses a trial; private IPs and older signals do not', async ({ assert }) => {
    const owners = ['a@one.test', 'b@two.test', 'c@three.test', 'd@four.test']
    const workspaces = await Promise.all(owners.map(() => WorkspaceFactory.create()))
    const trial = new StartTrial()
    const first = await trial.handle({ workspaceId: workspaces[0].id, ownerEmail: owners[0], ip: '203.0.113.7' })
    const second = await trial.handle({ workspaceId: workspaces[1].id, ownerEmail: owners[1], ip: '203.0.113.7' })
    assert.equal(first.status, 'trialing')
    assert.equal(second.trialRefusedReason, 'checkout_ip')

    await db.from('billing_trial_signals').where('workspace_id', workspaces[0].id).update({ created_at: DateTime.now().minus({ days: 31 }).toJSDate() })
    const later = await trial.handle({ workspaceId: workspaces[2].id, ownerEmail: owners[2], ip: '203.0.113.7' })
    assert.equal(later.status, 'trialing')
    assert.isNull(publicIpOf('127.0.0.1'))
    assert.isNull(publicIpOf('10.1.2.3'))
    assert.isNull(publicIpOf('::1'))
    const privateIp = await trial.handle({ workspaceId: workspaces[3].id, ownerEmail: owners[3], ip: '192.168.1.1' })
    assert.equal(privateIp.status, 'trialing')
  })

  test('signals are stored only as keyed hashes', async ({ assert }) => {
    const workspace = await WorkspaceFactory.create()
    await new StartTrial().handle({ workspaceId: workspace.id, ownerEmail: 'x@hashed-domain.test', ip: '198.51.100.9' })
    const rows = await db.from('billing_trial_signals').where('workspace_id', workspace.id)
    assert.deepEqual(rows.map((row) => row.kind).sort(), ['checkout_ip', 'email_domain'])
    const dump = JSON.stringify(rows)
    assert.notInclude(dump, 'hashed-domain')
    assert.notInclude(dump, '198.51.100.9')
    for (const row of rows) assert.match(row.value_hash, /^[A-Za-z0-9_-]{22}$/)
  })

  test('a second trial with the same card fingerprint is refused: Stripe ends the trial and bills at once', async ({ client, assert }) => {
    const one = await createWorkspace(client, 'ann@gmail.com', 'Card One')
    stripe.nextCardFingerprint = 'fp_same_card'
    const paidOne = await checkoutAndPay(client, one.user, one.workspace.slug)
    assert.equal(paidOne.status, 303)
    const accountOne = await BillingAccount.findByOrFail('workspace_id', one.workspace.id)
    assert.equal(accountOne.status, 'trialing')
    assert.isNull(accountOne.trialRefusedReason)

    const two = await createWorkspace(client, 'ben@gmail.com', 'Card Two')
    stripe.nextCardFingerprint = 'fp_same_card'
    const deliveredBefore = stripe.deliveries.length
    await checkoutAndPay(client, two.user, two.workspace.slug)
    await stripe.settled(deliveredBefore + 5) // 3 from checkout, then invoice.paid + subscription.updated when the trial ends
    const accountTwo = await BillingAccount.findByOrFail('workspace_id', two.workspace.id)
    assert.equal(accountTwo.trialRefusedReason, 'card_fingerprint')
    assert.equal(accountTwo.status, 'active')
    const subscription = stripe.subscriptions.get(accountTwo.stripeSubscriptionId!)!
    assert.equal(subscription.status, 'active')
    const page = await client.get(`/w/${two.workspace.slug}/billing`).loginAs(two.user).withInertia()
    assert.include((page.inertiaProps as any).subscription.trialRefusal, 'This card was already used for a free trial')

    // A different card keeps its trial.
    const three = await createWorkspace(client, 'cid@gmail.com', 'Card Three')
    stripe.nextCardFingerprint = 'fp_other_card'
    await checkoutAndPay(client, three.user, three.workspace.slug)
    const accountThree = await BillingAccount.findByOrFail('workspace_id', three.workspace.id)
    assert.equal(accountThree.status, 'trialing')
    assert.isNull(accountThree.trialRefusedReason)
  })
})
