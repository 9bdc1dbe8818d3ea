import { DateTime } from 'luxon'
import type { LimitedResource } from '#core/plan_limits'

/** Monthly allowances count per calendar month (UTC); standing counts (channels) have one period. */
export function periodOf(resource: LimitedResource, at: DateTime = DateTime.utc()) {
  return resource === 'ai_tokens' ? at.toUTC().toFormat('yyyy-MM') : 'current'
}

export function fromUnix(seconds: number | null | undefined) {
  return typeof seconds === 'number' ? DateTime.fromSeconds(seconds, { zone: 'utc' }) : null
}
