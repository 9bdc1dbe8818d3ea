import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { encrypted, withEncryption } from '#vault/index'
import { workspaceScope } from '#core/tenancy'

/** A reply template with placeholders ({{contact.name}}, {{agent.name}}, {{ticket.number}}). */
export default class CannedReply extends compose(BaseModel, withEncryption()) {
  static table = 'canned_replies'
  static forWorkspace = workspaceScope<typeof CannedReply>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare title: string

  /** Free text written by admins, sealed with the workspace key. */
  @encrypted.string()
  declare body: string

  @column()
  declare createdByUserId: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
