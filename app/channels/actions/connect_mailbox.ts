import { audit } from '#core/audit'
import { UserFacingError } from '#core/errors'
import { enforceLimit, recordUsage } from '#core/plan_limits'
import { blindIndexFor } from '#vault/index'
import MailboxConnection from '#channels/models/mailbox_connection'
import type { MailboxProviderKind } from '#channels/services/mail/provider'

export interface ConnectMailboxInput {
  workspaceId: string
  provider: MailboxProviderKind
  address: string
  credentials: Record<string, unknown>
  /** Where syncing starts (e.g. the IMAP UID at connection time); null = the provider's default. */
  syncCursor?: string | null
}

/**
 * Saves a connected mailbox (all providers: IMAP after its test, Gmail and
 * Microsoft after OAuth). Connecting an address again (after a disconnect or
 * a "reconnect required") reuses its row, so its email threads stay linked.
 */
export default class ConnectMailbox {
  async handle(input: ConnectMailboxInput) {
    const address = input.address.trim().toLowerCase()
    const addressIndex = await blindIndexFor(input.workspaceId, 'email', address)
    const existing = await MailboxConnection.query().where('workspace_id', input.workspaceId).where('address_index', addressIndex!).first()
    if (existing && existing.status === 'active' && existing.provider !== input.provider) {
      throw new UserFacingError('This address is already connected through another provider. Disconnect it first.', 'address', { status: 409 })
    }
    // Each active mailbox counts as a channel of the plan.
    const counts = !existing || existing.status === 'disconnected'
    if (counts) await enforceLimit(input.workspaceId, 'channels')
    const connection = existing ?? new MailboxConnection()
    // Reconnecting after "reconnect required" resumes where syncing stopped, so mail that arrived meanwhile is not skipped.
    const cursorKept = Boolean(existing && existing.provider === input.provider && existing.syncCursor)
    connection.merge({
      workspaceId: input.workspaceId,
      provider: input.provider,
      address,
      credentials: { ...input.credentials },
      syncCursor: cursorKept ? existing!.syncCursor : (input.syncCursor ?? null),
      status: 'active',
      lastError: null,
      failureCount: 0,
      nextAttemptAt: null,
    })
    await connection.save()
    if (counts) await recordUsage(input.workspaceId, 'channels', 1)
    await audit({ action: existing ? 'mailbox.reconnected' : 'mailbox.connected', workspaceId: input.workspaceId, targetType: 'mailbox_connection', targetId: connection.id, metadata: { provider: input.provider } })
    return connection
  }
}
