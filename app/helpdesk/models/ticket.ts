import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, belongsTo, column, hasMany, manyToMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany, ManyToMany } from '@adonisjs/lucid/types/relations'
import { encrypted, withEncryption } from '#vault/index'
import { User } from '#identity/index'
import { workspaceScope } from '#core/tenancy'
import Contact from '#helpdesk/models/contact'
import TicketMessage from '#helpdesk/models/ticket_message'
import Tag from '#helpdesk/models/tag'
import Team from '#helpdesk/models/team'
import Incident from '#helpdesk/models/incident'
import CsatSurvey from '#helpdesk/models/csat_survey'

export const TICKET_STATUSES = ['open', 'pending', 'snoozed', 'resolved', 'closed'] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export type TicketPriority = (typeof TICKET_PRIORITIES)[number]

/** Where a conversation came from; channels and the API add their own names. */
export const TICKET_CHANNELS = ['email', 'chat', 'web', 'phone', 'api'] as const

export type CustomValues = Record<string, string | number | boolean | string[] | null>

/**
 * A conversation with a contact. The subject and custom-field values are
 * sealed with the contact's key; `version` is the optimistic lock for field
 * edits (two agents editing: the second one is told, not overwritten).
 */
export default class Ticket extends compose(BaseModel, withEncryption({ subject: { type: 'contact', attribute: 'contactId' } })) {
  static forWorkspace = workspaceScope<typeof Ticket>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  /** Per-workspace sequence, shown as #123. */
  @column()
  declare number: number

  @column()
  declare contactId: string

  @encrypted.string()
  declare subject: string

  @column()
  declare status: TicketStatus

  @column()
  declare priority: TicketPriority

  @column()
  declare channel: string

  @column()
  declare assigneeUserId: string | null

  @column()
  declare teamId: string | null

  @column()
  declare incidentId: string | null

  /** Custom-field values keyed by field key. */
  @encrypted.json()
  declare customValues: CustomValues | null

  @column.dateTime()
  declare snoozedUntil: DateTime | null

  @column()
  declare version: number

  @column.dateTime()
  declare firstResponseAt: DateTime | null

  @column.dateTime()
  declare resolvedAt: DateTime | null

  @column.dateTime()
  declare closedAt: DateTime | null

  @column.dateTime()
  declare lastMessageAt: DateTime

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Contact)
  declare contact: BelongsTo<typeof Contact>

  @belongsTo(() => User, { foreignKey: 'assigneeUserId' })
  declare assignee: BelongsTo<typeof User>

  @belongsTo(() => Team)
  declare team: BelongsTo<typeof Team>

  @belongsTo(() => Incident)
  declare incident: BelongsTo<typeof Incident>

  @hasMany(() => TicketMessage)
  declare messages: HasMany<typeof TicketMessage>

  @hasMany(() => CsatSurvey)
  declare csatSurveys: HasMany<typeof CsatSurvey>

  @manyToMany(() => Tag, { pivotTable: 'ticket_tags', pivotForeignKey: 'ticket_id', pivotRelatedForeignKey: 'tag_id' })
  declare tags: ManyToMany<typeof Tag>

  get reference() {
    return `#${this.number}`
  }
}
