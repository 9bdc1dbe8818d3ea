import { DateTime } from 'luxon'
import { randomUUID } from 'node:crypto'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'

/** GDPR Art. 19: tell this recipient about an erasure or rectification. */
export default class PrivacyRecipientTask extends BaseModel {
  static table = 'privacy_recipient_tasks'
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
  declare recipientName: string

  @column()
  declare recipientKind: string

  @column()
  declare purpose: string

  @column()
  declare status: 'open' | 'done'

  @column()
  declare completedByUserId: string | null

  @column.dateTime()
  declare completedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
