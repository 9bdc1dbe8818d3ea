import { DateTime } from 'luxon'
import type { Regime } from '#privacy/services/request_types'

/**
 * Deadlines of a request, computed in the workspace's time zone and ending
 * at the end of that local day. The clock starts at receipt: verification
 * time counts. The workspace target (default 30 days) applies when it is
 * stricter than the law.
 *
 * - GDPR: one month, extendable by two more months; the extension (with its
 *   reason) must be sent within the first month.
 * - CCPA: acknowledge within 10 business days; respond within 45 days,
 *   extendable once by 45 days.
 */
export interface Deadlines {
  legalDueAt: DateTime
  dueAt: DateTime
  acknowledgeBy: DateTime | null
  /** Latest date an extension may set. */
  maxExtendedDueAt: DateTime
}

export function addBusinessDays(from: DateTime, days: number) {
  let date = from
  let added = 0
  while (added < days) {
    date = date.plus({ days: 1 })
    if (date.weekday <= 5) added++
  }
  return date
}

export function computeDeadlines(regime: Regime, receivedAt: DateTime, timezone: string, targetDays: number): Deadlines {
  const local = receivedAt.setZone(timezone)
  const zoned = local.isValid ? local : receivedAt.setZone('UTC')
  const legal = (regime === 'gdpr' ? zoned.plus({ months: 1 }) : zoned.plus({ days: 45 })).endOf('day')
  const target = zoned.plus({ days: targetDays }).endOf('day')
  return {
    legalDueAt: legal,
    dueAt: target < legal ? target : legal,
    acknowledgeBy: regime === 'ccpa' ? addBusinessDays(zoned, 10).endOf('day') : null,
    maxExtendedDueAt: (regime === 'gdpr' ? legal.plus({ months: 2 }) : legal.plus({ days: 45 })).endOf('day'),
  }
}

/** Whole days left (negative when overdue), counted in the workspace's time zone. */
export function daysLeft(dueAt: DateTime, timezone: string, now: DateTime = DateTime.now()) {
  const due = dueAt.setZone(timezone).startOf('day')
  const today = now.setZone(timezone).startOf('day')
  return Math.round(due.diff(today, 'days').days)
}
