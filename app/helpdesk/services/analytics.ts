import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import RecordAnalyticsEvent, { type AnalyticsEventInput } from '#helpdesk/actions/record_analytics_event'

/** Records an analytics event unless the contact restricted or objected to processing. */
export async function recordAnalytics(
  contact: { processingRestrictedAt: unknown; processingObjections?: Record<string, string> | null } | null,
  input: AnalyticsEventInput,
  trx?: TransactionClientContract
) {
  if (contact?.processingRestrictedAt || contact?.processingObjections?.analytics) return null
  return new RecordAnalyticsEvent().handle(input, trx)
}

export function secondsBetween(from: { toMillis(): number }, to: { toMillis(): number }) {
  return Math.max(0, Math.round((to.toMillis() - from.toMillis()) / 1000))
}
