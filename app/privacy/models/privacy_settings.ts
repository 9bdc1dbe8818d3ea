import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { Regime } from '#privacy/services/request_types'

/** A workspace's own response target (stricter than the law if it wants) and default regime. */
export default class PrivacySettings extends BaseModel {
  static table = 'privacy_settings'

  @column({ isPrimary: true })
  declare workspaceId: string

  @column()
  declare targetDays: number

  @column()
  declare defaultRegime: Regime

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
