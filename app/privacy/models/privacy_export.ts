import { DateTime } from 'luxon'
import { randomUUID } from 'node:crypto'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'

/** An export archive, sealed on the drive disk and downloadable once. */
export default class PrivacyExport extends BaseModel {
  static table = 'privacy_exports'
  static selfAssignPrimaryKey = true

  @beforeCreate()
  static assignId(row: { id?: string }) {
    row.id ??= randomUUID()
  }

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string | null

  @column()
  declare requestId: string

  @column()
  declare storageKey: string | null

  @column()
  declare sizeBytes: number

  @column()
  declare recordCount: number

  @column({ serializeAs: null })
  declare downloadTokenHash: string | null

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare downloadedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
