import logger from '@adonisjs/core/services/logger'
import { audit } from '#core/audit'
import { recordUsage } from '#core/plan_limits'
import type MailboxConnection from '#channels/models/mailbox_connection'
import { mailboxProvider } from '#channels/services/mail/provider'

/**
 * Stops a mailbox: the provider revokes what it can (OAuth tokens), the
 * sealed credentials are wiped and syncing stops. The row stays (status
 * "disconnected") so its email threads keep their history and the address
 * can be connected again.
 */
export default class DisconnectMailbox {
  async handle(connection: MailboxConnection) {
    if (connection.status === 'disconnected') return connection
    try {
      await mailboxProvider(connection.provider).disconnect(connection)
    } catch (error) {
      // A provider that cannot be reached must not keep the credentials alive here.
      logger.warn({ err: error, connectionId: connection.id }, 'mailbox provider could not revoke on disconnect')
    }
    connection.merge({ status: 'disconnected', credentials: {}, syncCursor: null, nextAttemptAt: null, failureCount: 0, lastError: null })
    await connection.save()
    await recordUsage(connection.workspaceId, 'channels', -1)
    await audit({ action: 'mailbox.disconnected', workspaceId: connection.workspaceId, targetType: 'mailbox_connection', targetId: connection.id, metadata: { provider: connection.provider } })
    return connection
  }
}
