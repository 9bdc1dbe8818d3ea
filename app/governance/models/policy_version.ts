import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A version of the platform privacy policy, announced at least 30 days before it takes effect. */
export default class PolicyVersion extends BaseModel {
  @column({ isPrimary: true })
  declare id: string

  @column()
  declare version: string

  @column()
  declare title: string

  @column()
  declare summary: string

  @column()
  declare body: string

  @column.dateTime()
  declare announcedAt: DateTime

  @column.dateTime()
  declare effectiveAt: DateTime

  @column()
  declare createdByUserId: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
