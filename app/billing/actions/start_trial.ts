import { DateTime } from 'luxon'
import billingConfig from '#config/billing'
import { audit } from '#core/audit'
import BillingAccount from '#billing/models/billing_account'
import { businessDomainOf, publicIpOf, trialIntegrity, type TrialSignalInput } from '#billing/services/trial_integrity'

export interface StartTrialInput {
  workspaceId: string
  ownerEmail: string
  /** The IP the workspace was created from (the request's), if any. */
  ip?: string | null
}

/**
 * Opens a new workspace's billing account on a free trial, unless a trial
 * signal (business email domain, IP) already belongs to another workspace's
 * trial: then the account starts without a plan and says why.
 */
export default class StartTrial {
  async handle(input: StartTrialInput) {
    const existing = await BillingAccount.findBy('workspace_id', input.workspaceId)
    if (existing) return existing

    const signals: TrialSignalInput[] = []
    const domain = businessDomainOf(input.ownerEmail)
    if (domain) signals.push({ kind: 'email_domain', value: domain })
    const ip = publicIpOf(input.ip)
    if (ip) signals.push({ kind: 'checkout_ip', value: ip })

    const refused = await trialIntegrity.conflict(input.workspaceId, signals)
    const account = await BillingAccount.create({
      workspaceId: input.workspaceId,
      plan: refused ? 'none' : 'trial',
      status: refused ? 'none' : 'trialing',
      trialEndsAt: refused ? null : DateTime.now().plus({ days: billingConfig.trialDays }),
      trialRefusedReason: refused,
      billingEmail: input.ownerEmail,
      cancelAtPeriodEnd: false,
    })
    if (!refused) await trialIntegrity.record(input.workspaceId, signals)
    await audit({
      action: refused ? 'billing.trial_refused' : 'billing.trial_started',
      workspaceId: input.workspaceId,
      targetType: 'billing_account',
      targetId: account.id,
      metadata: refused ? { signal: refused } : { days: billingConfig.trialDays },
    })
    return account
  }
}
