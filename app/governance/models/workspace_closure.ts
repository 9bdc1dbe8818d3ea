import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A workspace its owner closed: restorable until purge_after, then purged with its keys. */
export default class WorkspaceClosure extends BaseModel {
  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare closedByUserId: string | null

  @column.dateTime()
  declare closedAt: DateTime

  @column.dateTime()
  declare purgeAfter: DateTime

  @column.dateTime()
  declare restoredAt: DateTime | null

  @column.dateTime()
  declare purgedAt: DateTime | null
}
