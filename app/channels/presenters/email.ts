import type MailboxConnection from '#channels/models/mailbox_connection'
import type { MailboxProviderKind } from '#channels/services/mail/provider'

/** What the email page shows of a mailbox: never its credentials. */
export function mailboxDto(connection: MailboxConnection) {
  return {
    id: connection.id,
    provider: connection.provider,
    address: connection.address,
    status: connection.status,
    lastError: connection.lastError,
    lastSyncedAt: connection.lastSyncedAt?.toISO() ?? null,
    failureCount: connection.failureCount,
    nextAttemptAt: connection.nextAttemptAt?.toISO() ?? null,
    createdAt: connection.createdAt.toISO(),
  }
}

export type MailboxDto = ReturnType<typeof mailboxDto>

/**
 * The ways to connect a mailbox, as buttons on the page. OAuth providers link
 * to `channels.email.oauth.redirect`; IMAP opens the settings form.
 */
export const MAILBOX_PROVIDER_OPTIONS: { kind: MailboxProviderKind; label: string; connect: 'oauth' | 'form' }[] = [
  { kind: 'gmail', label: 'Connect Gmail', connect: 'oauth' },
  { kind: 'microsoft', label: 'Connect Microsoft 365', connect: 'oauth' },
  { kind: 'imap', label: 'Connect IMAP/SMTP mailbox', connect: 'form' },
]
