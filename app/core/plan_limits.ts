/**
 * Plan limits seen from the modules that hit them. Identity (seats), the
 * assistant (AI tokens) and channels (channel count) sit below billing in the
 * layer order, so they ask here; billing registers the one checker that reads
 * the workspace's entitlements, and a usage recorder for its counters. With no
 * billing registered (tests of lower modules), everything is allowed.
 */
import { UserFacingError } from '#core/errors'

export type LimitedResource = 'seats' | 'ai_tokens' | 'channels'

export interface LimitDecision {
  allowed: boolean
  limit?: number | null
  used?: number
  /** Shown to the user when refused, e.g. "Your Starter plan includes 3 seats (3 in use)." */
  message?: string
  /** Where to upgrade, e.g. `/w/acme/billing`. */
  upgradeUrl?: string
}

export type LimitChecker = (workspaceId: string, resource: LimitedResource, amount: number) => Promise<LimitDecision>
export type UsageRecorder = (workspaceId: string, resource: LimitedResource, amount: number) => Promise<void>

let checker: LimitChecker | null = null
let recorder: UsageRecorder | null = null

/** Installs the checker; returns a function that puts the previous one back (tests that stand in for billing). */
export function registerLimitChecker(next: LimitChecker | null) {
  const previous = checker
  checker = next
  return () => {
    checker = previous
  }
}

export function registerUsageRecorder(next: UsageRecorder | null) {
  const previous = recorder
  recorder = next
  return () => {
    recorder = previous
  }
}

/** A refused action because the plan's limit is reached (HTTP 402 with the upgrade link). */
export class PlanLimitError extends UserFacingError {
  constructor(
    message: string,
    public resource: LimitedResource,
    public upgradeUrl?: string
  ) {
    super(message, undefined, { status: 402, code: 'E_PLAN_LIMIT' })
  }
}

export async function checkLimit(workspaceId: string, resource: LimitedResource, amount = 1): Promise<LimitDecision> {
  return checker ? checker(workspaceId, resource, amount) : { allowed: true }
}

/** Throws PlanLimitError when adding `amount` would pass the plan's limit. */
export async function enforceLimit(workspaceId: string, resource: LimitedResource, amount = 1) {
  const decision = await checkLimit(workspaceId, resource, amount)
  if (!decision.allowed) {
    throw new PlanLimitError(decision.message ?? `Your plan's ${resource} limit is reached.`, resource, decision.upgradeUrl)
  }
}

/** Counts usage (e.g. AI tokens spent) toward the current billing period. */
export async function recordUsage(workspaceId: string, resource: LimitedResource, amount: number) {
  if (recorder) await recorder(workspaceId, resource, amount)
}
