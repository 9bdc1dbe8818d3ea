import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { blindIndex, encrypted, withEncryption } from '#vault/index'
import { workspaceScope } from '#core/tenancy'

export type EmailDirection = 'inbound' | 'outbound'
/**
 * inbound: processing → ingested | auto_reply | bounce | loop | duplicate | failed;
 * outbound: pending → sent | failed (retried by the send job).
 */
export type EmailMessageStatus = 'processing' | 'ingested' | 'auto_reply' | 'bounce' | 'loop' | 'duplicate' | 'failed' | 'pending' | 'sent'

/**
 * Thread metadata of one email, in or out: which ticket and helpdesk message
 * it became and its RFC Message-ID (sealed with the contact's key, found
 * through a blind index), so replies thread and re-fetched mail is skipped.
 */
export default class EmailMessage extends compose(BaseModel, withEncryption({ subject: { type: 'contact', attribute: 'contactId' } })) {
  static table = 'email_messages'
  static forWorkspace = workspaceScope<typeof EmailMessage>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare connectionId: string | null

  @column()
  declare ticketId: string | null

  @column()
  declare messageId: string | null

  @column()
  declare contactId: string | null

  @column()
  declare direction: EmailDirection

  @column()
  declare status: EmailMessageStatus

  @column()
  declare providerMessageId: string | null

  @column()
  declare providerThreadId: string | null

  @encrypted.string()
  declare rfcMessageId: string | null

  @blindIndex('rfcMessageId', 'external_id')
  declare rfcMessageIdIndex: string | null

  /** An error code and short reason, never content or addresses. */
  @column()
  declare error: string | null

  @column()
  declare attempts: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
