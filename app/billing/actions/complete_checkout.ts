import type Stripe from 'stripe'
import { audit } from '#core/audit'
import type BillingAccount from '#billing/models/billing_account'
import ApplySubscription from '#billing/actions/apply_subscription'
import { idOf, stripe } from '#billing/services/stripe_gateway'
import { trialIntegrity } from '#billing/services/trial_integrity'

/**
 * A finished Checkout: links the subscription and checks the card. A card
 * whose fingerprint already carried another workspace's trial ends this
 * subscription's trial at once (Stripe then bills immediately).
 */
export default class CompleteCheckout {
  async handle(account: BillingAccount, session: Stripe.Checkout.Session, stateAt: number) {
    const subscriptionId = idOf(session.subscription)
    if (!subscriptionId) return 'ignored'
    const subscription = await stripe().subscriptions.retrieve(subscriptionId, { expand: ['default_payment_method'] })
    await new ApplySubscription().handle(account, subscription, stateAt)

    const method = subscription.default_payment_method
    const fingerprint = method && typeof method !== 'string' ? method.card?.fingerprint : null
    const tookTrial = Boolean(account.trialEndsAt) && !account.trialRefusedReason
    if (!fingerprint || !tookTrial) return 'applied'

    const signals = [{ kind: 'card_fingerprint' as const, value: fingerprint }]
    if (subscription.status === 'trialing' && (await trialIntegrity.conflict(account.workspaceId, signals))) {
      await stripe().subscriptions.update(subscription.id, { trial_end: 'now' })
      account.trialRefusedReason = 'card_fingerprint'
      await account.save()
      await audit({
        action: 'billing.trial_refused',
        workspaceId: account.workspaceId,
        targetType: 'billing_account',
        targetId: account.id,
        metadata: { signal: 'card_fingerprint' },
        actor: { type: 'system', id: null },
      })
      return 'trial_refused'
    }
    await trialIntegrity.record(account.workspaceId, signals)
    return 'applied'
  }
}
