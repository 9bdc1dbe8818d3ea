import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A visitor's chat session, reached with a random bearer token of which only a keyed hash is kept. */
export default class WidgetSession extends BaseModel {
  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare widgetId: string

  @column({ serializeAs: null })
  declare tokenHash: string

  @column()
  declare origin: string

  @column()
  declare contactId: string | null

  @column()
  declare ticketId: string | null

  @column()
  declare identityVerified: boolean

  @column.dateTime()
  declare expiresAt: DateTime

  /** The visitor asked for a person (or the assistant could not answer): no more AI answers. */
  @column.dateTime()
  declare handedOffAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
