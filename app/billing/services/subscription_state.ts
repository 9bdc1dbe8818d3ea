/**
 * The subscription state machine: which status may follow which. Stripe's
 * statuses map onto ours (incomplete_expired ends as canceled, paused is
 * treated like past_due). An event that would step backwards (an old
 * `active` arriving after `canceled`) is not applied.
 */
import type { AccountStatus } from '#billing/models/billing_account'

const TRANSITIONS: Record<AccountStatus, AccountStatus[]> = {
  none: ['incomplete', 'trialing', 'active', 'past_due', 'unpaid', 'canceled'],
  incomplete: ['trialing', 'active', 'past_due', 'unpaid', 'canceled'],
  trialing: ['incomplete', 'active', 'past_due', 'unpaid', 'canceled'],
  active: ['past_due', 'unpaid', 'canceled'],
  past_due: ['active', 'unpaid', 'canceled'],
  unpaid: ['active', 'canceled'],
  canceled: [],
}

export function statusFromStripe(status: string): AccountStatus {
  switch (status) {
    case 'trialing':
    case 'active':
    case 'past_due':
    case 'unpaid':
    case 'canceled':
    case 'incomplete':
      return status
    case 'incomplete_expired':
      return 'canceled'
    case 'paused':
      return 'past_due'
    default:
      return 'incomplete'
  }
}

export function canTransition(from: AccountStatus, to: AccountStatus) {
  return from === to || TRANSITIONS[from].includes(to)
}
