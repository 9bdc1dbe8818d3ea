import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { compose } from '@adonisjs/core/helpers'
import { encrypted, withEncryption } from '#vault/index'

export type LegalHoldScope = 'workspace' | 'contact' | 'ticket'

/** Stops retention and erasure for a contact, a ticket or the whole workspace until released. */
export default class LegalHold extends compose(BaseModel, withEncryption()) {
  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare scope: LegalHoldScope

  @column()
  declare targetId: string | null

  /** Staff-written (may name a matter or a person): sealed with the workspace key. */
  @encrypted.string()
  declare reason: string

  @column()
  declare placedByUserId: string | null

  @column.dateTime()
  declare placedAt: DateTime

  @column()
  declare releasedByUserId: string | null

  @column.dateTime()
  declare releasedAt: DateTime | null

  @encrypted.string()
  declare releaseReason: string | null
}
