import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** One data subject's key, wrapped by its scope's DEK; destroying it shreds the subject's data. */
export default class SubjectKey extends BaseModel {
  static table = 'vault_subject_keys'

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string | null

  @column()
  declare subjectType: string

  @column()
  declare subjectId: string

  @column()
  declare version: number

  @column()
  declare dekVersion: number

  @column({ serializeAs: null })
  declare wrappedKey: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime()
  declare destroyedAt: DateTime | null
}
