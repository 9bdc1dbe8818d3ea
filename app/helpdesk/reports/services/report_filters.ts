import { DateTime } from 'luxon'
import { UserFacingError } from '#core/errors'

/**
 * What a report is computed over. Days are calendar days in the workspace's
 * time zone. With `lastDays` the range rolls (it ends today, so a saved
 * "last 30 days" report stays current); otherwise it is from..to.
 */
export interface ReportFilters {
  from: string
  to: string
  lastDays: number | null
  channel: string | null
  teamId: string | null
  agentId: string | null
  tagId: string | null
}

export interface ReportFilterInput {
  from?: Date | string
  to?: Date | string
  lastDays?: number
  channel?: string
  teamId?: string
  agentId?: string
  tagId?: string
}

export const DEFAULT_RANGE_DAYS = 30
export const MAX_RANGE_DAYS = 366

/** Filters with their defaults: the last 30 days, every channel, team, agent and tag. */
export function resolveReportFilters(input: ReportFilterInput, timezone: string): ReportFilters {
  const today = DateTime.now().setZone(timezone).toISODate()!
  const explicit = Boolean(input.from || input.to)
  const lastDays = explicit ? null : (input.lastDays ?? DEFAULT_RANGE_DAYS)
  const to = input.to ? calendarDay(input.to) : today
  const from = input.from ? calendarDay(input.from) : DateTime.fromISO(to).minus({ days: (lastDays ?? DEFAULT_RANGE_DAYS) - 1 }).toISODate()!
  const days = DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days + 1
  if (days < 1) throw new UserFacingError('The end date must be on or after the start date.', 'to')
  if (days > MAX_RANGE_DAYS) throw new UserFacingError(`Choose a date range of at most ${MAX_RANGE_DAYS} days.`, 'from')
  return {
    from,
    to,
    lastDays,
    channel: input.channel || null,
    teamId: input.teamId ?? null,
    agentId: input.agentId ?? null,
    tagId: input.tagId ?? null,
  }
}

/** VineJS parses YYYY-MM-DD as local midnight; read it back as the same calendar day. */
function calendarDay(date: Date | string) {
  return typeof date === 'string' ? DateTime.fromISO(date).toISODate()! : DateTime.fromJSDate(date).toISODate()!
}

/** Every calendar day of the range, in order. */
export function daysOf(filters: Pick<ReportFilters, 'from' | 'to'>) {
  const days: string[] = []
  for (let day = DateTime.fromISO(filters.from); day.toISODate()! <= filters.to; day = day.plus({ days: 1 })) {
    days.push(day.toISODate()!)
  }
  return days
}

/** What a saved report keeps: a rolling range or fixed dates, and the filters that are set. */
export function storableFilters(filters: ReportFilters): ReportFilterInput {
  const { from, to, lastDays, ...rest } = filters
  const range = lastDays ? { lastDays } : { from, to }
  const set = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== null))
  return { ...range, ...set }
}
