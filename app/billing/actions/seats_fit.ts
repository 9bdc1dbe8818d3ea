import billingConfig, { type PaidPlanKey } from '#config/billing'
import { UserFacingError } from '#core/errors'
import { usage } from '#billing/services/usage'

/** Refuses a plan with fewer seats than the workspace uses, saying how many are in use. */
export async function assertSeatsFit(workspaceId: string, plan: PaidPlanKey) {
  const inUse = await usage.seats(workspaceId)
  const { seats, name } = billingConfig.plans[plan]
  if (inUse > seats) {
    throw new UserFacingError(
      `The ${name} plan includes ${seats} seats, but ${inUse} are in use (members and pending invitations). Remove ${inUse - seats} or choose a larger plan.`,
      'plan'
    )
  }
}
