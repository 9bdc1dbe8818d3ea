import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { encrypted, withEncryption } from '#vault/index'
import { workspaceScope } from '#core/tenancy'

/** A file on a message. The bytes live on the drive disk, sealed with the contact's key; the name is sealed here. */
export default class TicketAttachment extends compose(BaseModel, withEncryption({ subject: { type: 'contact', attribute: 'contactId' } })) {
  static table = 'ticket_attachments'
  static forWorkspace = workspaceScope<typeof TicketAttachment>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare ticketId: string

  @column()
  declare messageId: string

  @column()
  declare contactId: string

  @encrypted.string()
  declare filename: string

  @column()
  declare contentType: string

  @column()
  declare sizeBytes: number

  /** Key on the drive disk (ids only, no file name). */
  @column()
  declare storageKey: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
