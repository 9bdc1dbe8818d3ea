import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A workspace's own setting for one retention rule (defaults live in services/retention_catalog). */
export default class RetentionRule extends BaseModel {
  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare ruleKey: string

  @column()
  declare days: number

  @column()
  declare enabled: boolean

  @column()
  declare updatedByUserId: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
