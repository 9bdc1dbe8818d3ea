import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { encrypted, withEncryption } from '#vault/index'
import { workspaceScope } from '#core/tenancy'
import Ticket from '#helpdesk/models/ticket'

/** A satisfaction survey mailed after resolution. Only the SHA-256 of its link token is stored. */
export default class CsatSurvey extends compose(BaseModel, withEncryption({ subject: { type: 'contact', attribute: 'contactId' } })) {
  static forWorkspace = workspaceScope<typeof CsatSurvey>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare ticketId: string

  @column()
  declare contactId: string

  @column({ serializeAs: null })
  declare tokenHash: string

  @column()
  declare score: number | null

  @encrypted.string()
  declare comment: string | null

  @column.dateTime()
  declare sentAt: DateTime

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare ratedAt: DateTime | null

  @column.dateTime()
  declare commentedAt: DateTime | null

  @belongsTo(() => Ticket)
  declare ticket: BelongsTo<typeof Ticket>
}
