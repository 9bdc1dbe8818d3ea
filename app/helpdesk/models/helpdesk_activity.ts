import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { workspaceScope } from '#core/tenancy'

export type ActivityDetails = Record<string, string | number | boolean | null | string[]>

/**
 * What a staff member did (ticket.assigned, ticket.status_changed,
 * contact.merged, incident.update_sent…). Append-only; details are ids and
 * enum values, never content, so the audit log can read them as they are.
 */
export default class HelpdeskActivity extends BaseModel {
  static table = 'helpdesk_activities'
  static forWorkspace = workspaceScope<typeof HelpdeskActivity>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare actorUserId: string | null

  @column()
  declare action: string

  @column()
  declare ticketId: string | null

  @column()
  declare contactId: string | null

  @column({ prepare: (value: ActivityDetails) => JSON.stringify(value ?? {}) })
  declare details: ActivityDetails

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
