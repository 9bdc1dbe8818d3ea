import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { blindIndex, encrypted, withEncryption } from '#vault/index'
import { workspaceScope } from '#core/tenancy'
import type { MailboxConnectionRef, MailboxProviderKind } from '#channels/services/mail/provider'

export const MAILBOX_STATUSES = ['active', 'reconnect_required', 'disconnected'] as const
export type MailboxStatus = (typeof MAILBOX_STATUSES)[number]

/**
 * A mailbox connected to a workspace (Gmail, Microsoft 365 or IMAP/SMTP).
 * The address and the credentials are sealed with the workspace key; the
 * credentials never leave the server (`serializeAs: null`, and pages get DTOs).
 */
export default class MailboxConnection
  extends compose(BaseModel, withEncryption())
  implements MailboxConnectionRef
{
  static table = 'mailbox_connections'
  static forWorkspace = workspaceScope<typeof MailboxConnection>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare provider: MailboxProviderKind

  @encrypted.string()
  declare address: string

  @blindIndex('address', 'email')
  declare addressIndex: string

  /** OAuth tokens or IMAP/SMTP settings; `{}` once disconnected (wiped). */
  @encrypted.json({ serializeAs: null })
  declare credentials: Record<string, unknown>

  @column()
  declare syncCursor: string | null

  @column()
  declare status: MailboxStatus

  /** A short, address-free description of the last failure. */
  @column()
  declare lastError: string | null

  @column.dateTime()
  declare lastSyncedAt: DateTime | null

  @column()
  declare failureCount: number

  @column.dateTime()
  declare nextAttemptAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  /** Called by providers after a token refresh: sealed again by the vault and saved. */
  async saveCredentials(credentials: Record<string, unknown>, trx?: TransactionClientContract) {
    if (trx) this.useTransaction(trx)
    this.credentials = { ...credentials }
    await this.save()
  }

  get isActive() {
    return this.status === 'active'
  }
}
