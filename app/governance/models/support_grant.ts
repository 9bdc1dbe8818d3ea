import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** An owner's time-limited permission for platform operators to look into the workspace. */
export default class SupportGrant extends BaseModel {
  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare grantedByUserId: string | null

  @column()
  declare hours: number

  @column.dateTime()
  declare startsAt: DateTime

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare revokedAt: DateTime | null

  @column()
  declare revokedByUserId: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  isActive(now = DateTime.now()) {
    return !this.revokedAt && this.startsAt <= now && this.expiresAt > now
  }
}
