import { DateTime } from 'luxon'
import billingConfig, { type PaidPlanKey } from '#config/billing'
import { UserFacingError } from '#core/errors'
import { audit } from '#core/audit'
import { absoluteUrl } from '#billing/services/urls'
import type { Workspace, User } from '#identity/index'
import type BillingAccount from '#billing/models/billing_account'
import { ensureAccount } from '#billing/actions/ensure_account'
import { assertSeatsFit } from '#billing/actions/seats_fit'
import { callStripe } from '#billing/services/stripe_gateway'
import { publicIpOf, trialIntegrity } from '#billing/services/trial_integrity'

/** Trials shorter than this are not carried into Stripe (it needs at least 48 hours). */
const MIN_STRIPE_TRIAL_HOURS = 48

/**
 * Sends an owner to Stripe Checkout for a plan. A workspace still in its
 * free trial keeps the remaining days (the card is charged when the trial
 * ends), unless the checkout IP already started another workspace's trial.
 */
export default class StartCheckout {
  async handle(workspace: Workspace, user: User, plan: PaidPlanKey, ip: string | null) {
    const account = await ensureAccount(workspace.id)
    if (account.stripeSubscriptionId && ['active', 'past_due', 'trialing', 'unpaid'].includes(account.status)) {
      throw new UserFacingError('This workspace already has a subscription: change its plan instead.', 'plan', { status: 409 })
    }
    await assertSeatsFit(workspace.id, plan)
    const customerId = await this.customerFor(account, workspace, user)
    const trialEnd = await this.remainingTrial(account, ip)

    const base = `/w/${workspace.slug}/billing`
    const session = await callStripe((client) =>
      client.checkout.sessions.create({
        mode: 'subscription',
        customer: customerId,
        client_reference_id: workspace.id,
        line_items: [{ price: billingConfig.plans[plan].stripePriceId!, quantity: 1 }],
        success_url: absoluteUrl(`${base}?checkout=success`),
        cancel_url: absoluteUrl(`${base}?checkout=canceled`),
        metadata: { workspace_id: workspace.id, plan },
        subscription_data: { metadata: { workspace_id: workspace.id, plan }, ...(trialEnd ? { trial_end: trialEnd } : {}) },
      })
    )
    await audit({ action: 'billing.checkout_started', workspaceId: workspace.id, targetType: 'billing_account', targetId: account.id, metadata: { plan, keeps_trial: Boolean(trialEnd) } })
    return session.url!
  }

  private async customerFor(account: BillingAccount, workspace: Workspace, user: User) {
    if (account.stripeCustomerId) return account.stripeCustomerId
    const email = (account.billingEmail ??= user.email)
    const name = account.billingName ?? workspace.name
    const customer = await callStripe((client) => client.customers.create({ email, name, metadata: { workspace_id: workspace.id } }))
    account.stripeCustomerId = customer.id
    await account.save()
    return customer.id
  }

  /** The trial's end (unix seconds) to carry into Stripe, or null (no trial left, too short, or refused here). */
  private async remainingTrial(account: BillingAccount, ip: string | null) {
    if (!account.inLocalTrial || account.trialRefusedReason) return null
    const publicIp = publicIpOf(ip)
    if (publicIp) {
      const signals = [{ kind: 'checkout_ip' as const, value: publicIp }]
      if (await trialIntegrity.conflict(account.workspaceId, signals)) {
        account.merge({ trialRefusedReason: 'checkout_ip', trialEndsAt: DateTime.now() })
        await account.save()
        await audit({ action: 'billing.trial_refused', workspaceId: account.workspaceId, targetType: 'billing_account', targetId: account.id, metadata: { signal: 'checkout_ip' } })
        return null
      }
      await trialIntegrity.record(account.workspaceId, signals)
    }
    if (account.trialEndsAt!.diffNow('hours').hours < MIN_STRIPE_TRIAL_HOURS) return null
    return Math.floor(account.trialEndsAt!.toSeconds())
  }
}
