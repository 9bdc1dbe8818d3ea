import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { encrypted, withEncryption } from '#vault/index'

/** A workspace owner's objection to a new subprocessor, raised during its notice period. */
export default class SubprocessorObjection extends compose(BaseModel, withEncryption()) {
  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare subprocessorId: string

  @column()
  declare userId: string | null

  /** Free text: sealed with the workspace key. */
  @encrypted.string()
  declare reason: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
