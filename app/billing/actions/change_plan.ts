import billingConfig, { type PaidPlanKey } from '#config/billing'
import { UserFacingError } from '#core/errors'
import { audit } from '#core/audit'
import type { Workspace } from '#identity/index'
import BillingAccount from '#billing/models/billing_account'
import { assertSeatsFit } from '#billing/actions/seats_fit'
import { callStripe } from '#billing/services/stripe_gateway'

/**
 * Moves a live subscription to another plan (prorated by Stripe). Going
 * below the seats in use is refused with the count. The local plan follows
 * Stripe's `customer.subscription.updated` webhook.
 */
export default class ChangePlan {
  async handle(workspace: Workspace, plan: PaidPlanKey) {
    const account = await BillingAccount.findBy('workspace_id', workspace.id)
    if (!account?.stripeSubscriptionId || account.status === 'canceled') {
      throw new UserFacingError('This workspace has no subscription yet: choose a plan to check out.', 'plan')
    }
    if (account.plan === plan) throw new UserFacingError(`The workspace is already on the ${billingConfig.plans[plan].name} plan.`, 'plan')
    await assertSeatsFit(workspace.id, plan)
    const subscriptionId = account.stripeSubscriptionId
    const subscription = await callStripe((client) => client.subscriptions.retrieve(subscriptionId))
    const item = subscription.items.data[0]
    await callStripe((client) =>
      client.subscriptions.update(subscription.id, {
        items: [{ id: item.id, price: billingConfig.plans[plan].stripePriceId! }],
        proration_behavior: 'create_prorations',
        metadata: { workspace_id: workspace.id, plan },
      })
    )
    await audit({ action: 'billing.plan_change_requested', workspaceId: workspace.id, targetType: 'billing_account', targetId: account.id, metadata: { from_plan: account.plan, to_plan: plan } })
  }
}
