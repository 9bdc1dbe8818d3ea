/**
 * What a workspace may use right now: its effective plan (from its billing
 * account and subscription state) and the limits of that plan from
 * config/billing.ts. Every limit check in the app ends here.
 */
import { DateTime } from 'luxon'
import billingConfig, { type PlanKey } from '#config/billing'
import type { LimitDecision, LimitedResource } from '#core/plan_limits'
import { Workspace } from '#identity/index'
import BillingAccount, { type AccountStatus } from '#billing/models/billing_account'
import { usage } from '#billing/services/usage'

export interface Entitlements {
  plan: PlanKey
  status: AccountStatus
  trialEndsAt: DateTime | null
  limits: Record<LimitedResource, number>
}

const RESOURCE_LABELS: Record<LimitedResource, (count: number) => string> = {
  seats: (count) => `${count} ${count === 1 ? 'seat' : 'seats'}`,
  ai_tokens: (count) => `${count.toLocaleString('en')} AI tokens a month`,
  channels: (count) => `${count} ${count === 1 ? 'channel' : 'channels'}`,
}

function limitsOf(plan: PlanKey): Record<LimitedResource, number> {
  const definition = billingConfig.plans[plan]
  return { seats: definition.seats, ai_tokens: definition.aiTokens, channels: definition.channels }
}

/** The plan in force: a trial until it ends, a subscription while it is paid (or in its dunning grace). */
export function effectivePlan(account: Pick<BillingAccount, 'plan' | 'status' | 'trialEndsAt' | 'stripeSubscriptionId'>): PlanKey {
  switch (account.status) {
    case 'trialing':
      if (!account.stripeSubscriptionId && (!account.trialEndsAt || account.trialEndsAt <= DateTime.now())) return 'none'
      return account.plan
    case 'active':
    case 'past_due':
      return account.plan
    case 'incomplete':
      // First payment still pending (e.g. 3-D Secure): the free trial, if any, goes on meanwhile.
      return account.trialEndsAt && account.trialEndsAt > DateTime.now() ? 'trial' : 'none'
    default:
      return 'none'
  }
}

export const entitlements = {
  async account(workspaceId: string) {
    return BillingAccount.query().where('workspace_id', workspaceId).first()
  },

  async forWorkspace(workspaceId: string): Promise<Entitlements> {
    const account = await this.account(workspaceId)
    if (!account) {
      // Workspaces created before billing existed (or by fixtures): a trial counted from their creation.
      const workspace = await Workspace.find(workspaceId)
      const trialEndsAt = (workspace?.createdAt ?? DateTime.now()).plus({ days: billingConfig.trialDays })
      const plan: PlanKey = trialEndsAt > DateTime.now() ? 'trial' : 'none'
      return { plan, status: plan === 'trial' ? 'trialing' : 'none', trialEndsAt, limits: limitsOf(plan) }
    }
    const plan = effectivePlan(account)
    return { plan, status: account.status, trialEndsAt: account.trialEndsAt, limits: limitsOf(plan) }
  },

  /** Whether `amount` more of `resource` fits the plan; the refusal names the limit and links to billing. */
  async check(workspaceId: string, resource: LimitedResource, amount: number): Promise<LimitDecision> {
    const current = await this.forWorkspace(workspaceId)
    const limit = current.limits[resource]
    const used = await usage.used(workspaceId, resource)
    if (used + amount <= limit) return { allowed: true, limit, used }
    const workspace = await Workspace.find(workspaceId)
    const planName = billingConfig.plans[current.plan].name
    const includes = current.plan === 'none' ? 'Without a plan, this workspace has' : `Your ${planName} plan includes`
    return {
      allowed: false,
      limit,
      used,
      message: `${includes} ${RESOURCE_LABELS[resource](limit)} (${used.toLocaleString('en')} in use). Upgrade your plan to add more.`,
      upgradeUrl: workspace ? `/w/${workspace.slug}/billing` : undefined,
    }
  },
}
