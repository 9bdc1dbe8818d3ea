import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { WorkspaceFactory } from '#database/factories/identity_factories'
import { memberOf } from '#tests/helpers/identity'
import { checkLimit, enforceLimit, PlanLimitError, recordUsage } from '#core/plan_limits'
import BillingAccount from '#billing/models/billing_account'
import { entitlements } from '#billing/index'

async function onPlan(plan: 'starter' | 'growth', status: 'active' | 'past_due' | 'unpaid' | 'canceled' = 'active') {
  const workspace = await WorkspaceFactory.create()
  const { user: owner } = await memberOf(workspace, 'owner')
  await BillingAccount.create({ workspaceId: workspace.id, plan, status, stripeSubscriptionId: 'sub_x', cancelAtPeriodEnd: false })
  return { workspace, owner }
}

test.group('Plan limits where they bite', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('inviting past the seat limit is refused with the limit and an upgrade link; nothing is stored', async ({ client, assert }) => {
    const { workspace, owner } = await onPlan('starter')
    await memberOf(workspace, 'admin')
    const invite = (email: string) =>
      client.post(`/w/${workspace.slug}/invitations`).loginAs(owner).json({ email, role: 'agent' }).accept('json').withCsrfToken().redirects(0)
    ;(await invite('third@acme.test')).assertStatus(302)

    const refused = await invite('fourth@acme.test')
    refused.assertStatus(402)
    assert.deepEqual(refused.body(), {
      message: 'Your Starter plan includes 3 seats (3 in use). Upgrade your plan to add more.',
      code: 'E_PLAN_LIMIT',
      upgradeUrl: `/w/${workspace.slug}/billing`,
    })
    assert.lengthOf(await db.from('invitations').where('workspace_id', workspace.id).where('email', 'fourth@acme.test'), 0)

    // On a page: back to the form with the message and the upgrade link.
    const page = await client
      .post(`/w/${workspace.slug}/invitations`)
      .loginAs(owner)
      .header('referer', `/w/${workspace.slug}/members`)
      .form({ email: 'fourth@acme.test', role: 'agent' })
      .withCsrfToken()
      .redirects(0)
    page.assertStatus(302)
    page.assertHeader('location', `/w/${workspace.slug}/members`)
    page.assertFlashMessage('error', 'Your Starter plan includes 3 seats (3 in use). Upgrade your plan to add more.')
    page.assertFlashMessage('upgradeUrl', `/w/${workspace.slug}/billing`)
  })

  test('AI tokens: usage counts per month and a call past the allowance is refused', async ({ assert }) => {
    const { workspace } = await onPlan('starter')
    await recordUsage(workspace.id, 'ai_tokens', 99_000)
    await enforceLimit(workspace.id, 'ai_tokens', 1_000)
    await recordUsage(workspace.id, 'ai_tokens', 1_000)
    const error = await enforceLimit(workspace.id, 'ai_tokens', 1).catch((caught) => caught)
    assert.instanceOf(error, PlanLimitError)
    assert.equal(error.status, 402)
    assert.equal(error.message, 'Your Starter plan includes 100,000 AI tokens a month (100,000 in use). Upgrade your plan to add more.')
    assert.equal(error.upgradeUrl, `/w/${workspace.slug}/billing`)
    // Last month's usage does not count against this month.
    await db.from('billing_usage_counters').where('workspace_id', workspace.id).update({ period: DateTime.utc().minus({ months: 1 }).toFormat('yyyy-MM') })
    assert.isTrue((await checkLimit(workspace.id, 'ai_tokens', 50_000)).allowed)
  })

  test('channels: the plan’s count, freed again when one is removed', async ({ assert }) => {
    const { workspace } = await onPlan('starter')
    await enforceLimit(workspace.id, 'channels')
    await recordUsage(workspace.id, 'channels', 1)
    const refused = await checkLimit(workspace.id, 'channels')
    assert.isFalse(refused.allowed)
    assert.equal(refused.message, 'Your Starter plan includes 1 channel (1 in use). Upgrade your plan to add more.')
    await recordUsage(workspace.id, 'channels', -1)
    assert.isTrue((await checkLimit(workspace.id, 'channels')).allowed)
  })

  test('the plan in force follows the subscription state', async ({ assert }) => {
    for (const [status, plan] of [['active', 'growth'], ['past_due', 'growth'], ['unpaid', 'none'], ['canceled', 'none']] as const) {
      const { workspace } = await onPlan('growth', status)
      assert.equal((await entitlements.forWorkspace(workspace.id)).plan, plan, status)
    }
    const expired = await WorkspaceFactory.create()
    await BillingAccount.create({ workspaceId: expired.id, plan: 'trial', status: 'trialing', trialEndsAt: DateTime.now().minus({ days: 1 }), cancelAtPeriodEnd: false })
    const current = await entitlements.forWorkspace(expired.id)
    assert.equal(current.plan, 'none')
    assert.equal(current.limits.seats, 1)
    const paying = await WorkspaceFactory.create()
    await BillingAccount.create({ workspaceId: paying.id, plan: 'growth', status: 'incomplete', stripeSubscriptionId: 'sub_y', trialEndsAt: DateTime.now().plus({ days: 3 }), cancelAtPeriodEnd: false })
    assert.equal((await entitlements.forWorkspace(paying.id)).plan, 'trial', 'first payment pending during the trial')
  })
})
