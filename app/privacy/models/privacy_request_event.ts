import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { encrypted, withEncryption } from '#vault/index'

/** One step in a request's trail; the note is sealed with the request's key. */
export default class PrivacyRequestEvent extends compose(
  BaseModel,
  withEncryption({ workspaceAttribute: 'keyScope', subject: { type: 'privacy_request', attribute: 'requestId' } })
) {
  static table = 'privacy_request_events'

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string | null

  @column()
  declare keyScope: string

  @column()
  declare requestId: string

  @column()
  declare actorType: 'user' | 'subject' | 'system' | 'operator'

  @column()
  declare actorUserId: string | null

  @column()
  declare action: string

  @encrypted.string()
  declare note: string | null

  @column()
  declare metadata: Record<string, string | number | boolean | null>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
