import { DateTime } from 'luxon'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { workspaceScope } from '#core/tenancy'
import Ticket from '#helpdesk/models/ticket'

export const INCIDENT_STATUSES = ['open', 'resolved'] as const
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number]

/** One problem many contacts write about (an outage): its tickets get one update, posted on each. */
export default class Incident extends BaseModel {
  static forWorkspace = workspaceScope<typeof Incident>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  /** Describes the problem, not a person (e.g. "Login outage"). */
  @column()
  declare title: string

  @column()
  declare status: IncidentStatus

  @column()
  declare createdByUserId: string | null

  @column.dateTime()
  declare resolvedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasMany(() => Ticket)
  declare tickets: HasMany<typeof Ticket>
}
