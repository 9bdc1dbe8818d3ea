import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { AuditMetadata } from '#core/audit'

export default class AuditEntry extends BaseModel {
  // bigint columns arrive as strings from pg; chains do arithmetic on them.
  @column({ isPrimary: true, consume: (value) => Number(value) })
  declare id: number

  @column()
  declare workspaceId: string | null

  @column({ consume: (value) => Number(value) })
  declare sequence: number

  @column()
  declare actorType: 'user' | 'operator' | 'system' | 'api'

  @column()
  declare actorId: string | null

  @column()
  declare action: string

  @column()
  declare targetType: string | null

  @column()
  declare targetId: string | null

  @column()
  declare metadata: AuditMetadata

  @column()
  declare ipHash: string | null

  @column.dateTime()
  declare occurredAt: DateTime

  @column()
  declare prevHash: string

  @column()
  declare hash: string
}
