import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** The exact words shown when asking for consent, and their SHA-256 (what events point to). */
export default class ConsentPurposeVersion extends BaseModel {
  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare purposeId: string

  @column()
  declare version: number

  @column()
  declare text: string

  @column()
  declare textHash: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
