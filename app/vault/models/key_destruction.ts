import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type DestructionTarget = 'workspace' | 'subject'

/** The database copy of one key-destruction ledger entry (the file copy survives restores). */
export default class KeyDestruction extends BaseModel {
  static table = 'vault_key_destructions'

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare sequence: number

  @column()
  declare workspaceId: string | null

  @column()
  declare target: DestructionTarget

  @column()
  declare subjectType: string | null

  @column()
  declare subjectId: string | null

  @column()
  declare reason: string

  @column.dateTime()
  declare destroyedAt: DateTime

  @column()
  declare prevHash: string

  @column()
  declare entryHash: string
}
