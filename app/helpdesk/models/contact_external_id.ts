import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { blindIndex, encrypted, withEncryption } from '#vault/index'
import { workspaceScope } from '#core/tenancy'

/** A contact's id in another system (CRM, billing, the product's user id), sealed, found by blind index. */
export default class ContactExternalId extends compose(BaseModel, withEncryption({ subject: { type: 'contact', attribute: 'contactId' } })) {
  static table = 'contact_external_ids'
  static forWorkspace = workspaceScope<typeof ContactExternalId>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare contactId: string

  /** Which system the id comes from, e.g. "crm" or "stripe". */
  @column()
  declare system: string

  @encrypted.string()
  declare value: string

  @blindIndex('value', 'external_id')
  declare valueIndex: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
