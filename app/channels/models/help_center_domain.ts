import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A workspace's custom help-center host, served once its TXT record is verified. */
export default class HelpCenterDomain extends BaseModel {
  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare domain: string

  @column()
  declare verificationToken: string

  @column.dateTime()
  declare verifiedAt: DateTime | null

  @column.dateTime()
  declare lastCheckedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
