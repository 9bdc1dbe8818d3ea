import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { workspaceScope } from '#core/tenancy'

export const ANALYTICS_EVENT_TYPES = ['ticket_created', 'message_sent', 'first_response', 'ticket_resolved', 'csat_rated'] as const
export type AnalyticsEventType = (typeof ANALYTICS_EVENT_TYPES)[number]

/** One fact for the reports page. `value`: seconds for first_response/ticket_resolved, 1–5 for csat_rated. */
export default class AnalyticsEvent extends BaseModel {
  static forWorkspace = workspaceScope<typeof AnalyticsEvent>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare type: AnalyticsEventType

  @column()
  declare ticketId: string | null

  @column()
  declare contactId: string | null

  @column()
  declare agentUserId: string | null

  @column()
  declare teamId: string | null

  @column()
  declare channel: string | null

  @column()
  declare tagIds: string[] | null

  @column()
  declare value: number | null

  @column.dateTime()
  declare occurredAt: DateTime
}
