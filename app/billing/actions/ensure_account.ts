import BillingAccount from '#billing/models/billing_account'
import { entitlements } from '#billing/services/entitlements'

/** The workspace's account; workspaces older than billing get one matching the trial they already have. */
export async function ensureAccount(workspaceId: string) {
  const existing = await BillingAccount.findBy('workspace_id', workspaceId)
  if (existing) return existing
  const current = await entitlements.forWorkspace(workspaceId)
  return BillingAccount.create({
    workspaceId,
    plan: current.plan,
    status: current.status,
    trialEndsAt: current.trialEndsAt,
    cancelAtPeriodEnd: false,
  })
}
