import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import { audit } from '#core/audit'
import MailboxConnection from '#channels/models/mailbox_connection'
import IngestInboundMail, { type IngestOutcome } from '#channels/actions/ingest_inbound_mail'
import { MailboxReconnectRequired, MailboxTemporarilyUnavailable, mailboxProvider } from '#channels/services/mail/provider'

/** Backoff after an outage: 1, 2, 4 … minutes, at most an hour. */
export function backoffMinutes(failureCount: number) {
  return Math.min(60, 2 ** Math.max(0, failureCount - 1))
}

export interface SyncOutcome {
  status: 'synced' | 'skipped' | 'backoff' | 'reconnect_required'
  results: IngestOutcome[]
}

/** Connections syncing in this process, so a "Sync now" and the schedule do not fetch the same mailbox at once. */
const running = new Set<string>()

/**
 * Fetches one mailbox and ingests every message, then stores the provider's
 * next cursor (only after every message is stored, so nothing is lost). A
 * provider outage backs off exponentially and leaves the cursor; refused
 * credentials mark the connection "reconnect required" for the admins.
 */
export default class SyncMailbox {
  async handle(connectionId: string, options: { force?: boolean } = {}): Promise<SyncOutcome> {
    const connection = await MailboxConnection.find(connectionId)
    if (!connection || connection.status !== 'active') return { status: 'skipped', results: [] }
    if (!options.force && connection.nextAttemptAt && connection.nextAttemptAt > DateTime.now()) return { status: 'skipped', results: [] }
    if (running.has(connection.id)) return { status: 'skipped', results: [] }
    running.add(connection.id)
    try {
      return await this.#sync(connection)
    } finally {
      running.delete(connection.id)
    }
  }

  async #sync(connection: MailboxConnection): Promise<SyncOutcome> {
    let fetched
    try {
      fetched = await mailboxProvider(connection.provider).fetch(connection)
    } catch (error) {
      if (error instanceof MailboxReconnectRequired) {
        connection.merge({ status: 'reconnect_required', lastError: error.message.slice(0, 300), nextAttemptAt: null })
        await connection.save()
        await audit({ action: 'mailbox.reconnect_required', workspaceId: connection.workspaceId, targetType: 'mailbox_connection', targetId: connection.id, metadata: { provider: connection.provider }, actor: { type: 'system', id: null } })
        return { status: 'reconnect_required', results: [] }
      }
      // Temporary outages and anything unexpected: try again later, the cursor stays where it was.
      if (!(error instanceof MailboxTemporarilyUnavailable)) logger.warn({ err: error, connectionId: connection.id }, 'mailbox fetch failed')
      const failureCount = connection.failureCount + 1
      connection.merge({
        failureCount,
        nextAttemptAt: DateTime.now().plus({ minutes: backoffMinutes(failureCount) }),
        lastError: (error instanceof MailboxTemporarilyUnavailable ? error.message : 'The mailbox could not be read; trying again later.').slice(0, 300),
      })
      await connection.save()
      return { status: 'backoff', results: [] }
    }

    const results: IngestOutcome[] = []
    const ingest = new IngestInboundMail()
    for (const mail of fetched.messages) results.push(await ingest.handle(connection, mail))
    connection.merge({ syncCursor: fetched.nextCursor ?? connection.syncCursor, failureCount: 0, nextAttemptAt: null, lastError: null, lastSyncedAt: DateTime.now() })
    await connection.save()
    return { status: 'synced', results }
  }
}
