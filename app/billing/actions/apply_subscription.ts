import type Stripe from 'stripe'
import logger from '@adonisjs/core/services/logger'
import { audit } from '#core/audit'
import type BillingAccount from '#billing/models/billing_account'
import { canTransition, statusFromStripe } from '#billing/services/subscription_state'
import { planForPrice } from '#billing/services/plans'
import { fromUnix } from '#billing/services/periods'
import { idOf } from '#billing/services/stripe_gateway'

export type ApplyOutcome = 'applied' | 'stale' | 'invalid_transition' | 'unknown_price'

/**
 * Mirrors a Stripe subscription onto the workspace's account. `stateAt` is
 * the `created` time of the event that carried it: anything older than what
 * was already applied is ignored, so replays and out-of-order deliveries
 * cannot roll the state back. Each status change is audited.
 */
export default class ApplySubscription {
  async handle(account: BillingAccount, subscription: Stripe.Subscription, stateAt: number): Promise<ApplyOutcome> {
    const to = statusFromStripe(subscription.status)
    const sameSubscription = account.stripeSubscriptionId === subscription.id
    if (sameSubscription && account.stripeStateAt !== null && stateAt < account.stripeStateAt) return 'stale'
    const currentIsLive = Boolean(account.stripeSubscriptionId) && account.status !== 'canceled'
    // Another subscription replaces a live one only while itself live: a late event of a replaced one changes nothing.
    if (!sameSubscription && currentIsLive && to === 'canceled') return 'stale'
    const from = sameSubscription || currentIsLive ? account.status : 'none'
    if (!canTransition(from, to)) return 'invalid_transition'

    const item = subscription.items?.data?.[0]
    const priceId = item?.price?.id ?? null
    const plan = planForPrice(priceId)
    if (!plan) logger.warn({ subscription: subscription.id }, 'billing: subscription with a price id no plan uses')

    const previous = { status: account.status, plan: account.plan }
    account.merge({
      stripeCustomerId: idOf(subscription.customer) ?? account.stripeCustomerId,
      stripeSubscriptionId: subscription.id,
      stripePriceId: priceId,
      status: to,
      plan: plan ?? account.plan,
      currentPeriodEnd: fromUnix(item?.current_period_end ?? null),
      cancelAtPeriodEnd: Boolean(subscription.cancel_at_period_end),
      trialEndsAt: to === 'trialing' ? fromUnix(subscription.trial_end) ?? account.trialEndsAt : account.trialEndsAt,
      stripeStateAt: stateAt,
    })
    await account.save()

    if (previous.status !== account.status || previous.plan !== account.plan) {
      await audit({
        action: 'billing.subscription_changed',
        workspaceId: account.workspaceId,
        targetType: 'billing_account',
        targetId: account.id,
        metadata: { from_status: previous.status, to_status: account.status, from_plan: previous.plan, to_plan: account.plan },
        actor: { type: 'system', id: null },
      })
    }
    return plan ? 'applied' : 'unknown_price'
  }
}
