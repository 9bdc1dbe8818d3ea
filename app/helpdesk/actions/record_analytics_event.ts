import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AnalyticsEvent, { type AnalyticsEventType } from '#helpdesk/models/analytics_event'

export interface AnalyticsEventInput {
  workspaceId: string
  type: AnalyticsEventType
  ticketId?: string | null
  contactId?: string | null
  agentUserId?: string | null
  teamId?: string | null
  channel?: string | null
  tagIds?: string[] | null
  /** Seconds for first_response / ticket_resolved; the score 1–5 for csat_rated. */
  value?: number | null
  occurredAt?: DateTime
}

/**
 * Records a helpdesk fact for reports. Callers skip it for contacts under
 * restriction or objection (no analytics for them).
 */
export default class RecordAnalyticsEvent {
  async handle(input: AnalyticsEventInput, trx?: TransactionClientContract) {
    return AnalyticsEvent.create(
      {
        workspaceId: input.workspaceId,
        type: input.type,
        ticketId: input.ticketId ?? null,
        contactId: input.contactId ?? null,
        agentUserId: input.agentUserId ?? null,
        teamId: input.teamId ?? null,
        channel: input.channel ?? null,
        tagIds: input.tagIds ?? null,
        value: input.value ?? null,
        occurredAt: input.occurredAt ?? DateTime.now(),
      },
      { client: trx }
    )
  }
}
