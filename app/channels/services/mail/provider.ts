/**
 * The contract between the email channel's pipeline (inbound parsing, threading,
 * ticket creation, outbound replies) and the mailbox providers that move raw
 * RFC 822 messages: Gmail API, Microsoft Graph, and plain IMAP/SMTP.
 * Providers know transports and credentials; they never create tickets.
 */

/** What a provider needs of a connected mailbox (implemented by the MailboxConnection model). */
export interface MailboxConnectionRef {
  id: string
  workspaceId: string
  provider: MailboxProviderKind
  /** The connected address replies are sent from. */
  address: string
  /** Decrypted provider credentials (OAuth tokens or IMAP/SMTP settings); sealed by the vault at rest. */
  credentials: Record<string, unknown>
  /** Provider sync position (Gmail historyId, Graph deltaLink, IMAP "uidValidity:lastUid"). */
  syncCursor: string | null
  /** Persists credentials changed by a token refresh (sealed again by the vault). */
  saveCredentials(credentials: Record<string, unknown>): Promise<void>
}

export type MailboxProviderKind = 'gmail' | 'microsoft' | 'imap'

export interface RawInboundMail {
  /** The provider's id of the message (Gmail id, Graph id, IMAP UID), for de-duplication. */
  providerMessageId: string
  /** The provider's thread id when it has one (Gmail threadId, Graph conversationId). */
  providerThreadId?: string | null
  /** The full RFC 822 source. */
  raw: Uint8Array
  /** Set (with an empty `raw`) when the provider skipped downloading a message over the size limit: recorded as a failure. */
  oversizeBytes?: number
}

export interface FetchResult {
  messages: RawInboundMail[]
  /** The cursor to store once every message above is safely stored (never before: nothing is lost). */
  nextCursor: string | null
}

export interface OutboundMail {
  /** The full RFC 822 source, with Message-ID, In-Reply-To and References set by the pipeline. */
  raw: Uint8Array
  from: string
  to: string[]
  /** Thread of the provider to reply in, when known. */
  providerThreadId?: string | null
}

/** A provider refused the credentials for good (revoked, refresh failed): the admin must reconnect. */
export class MailboxReconnectRequired extends Error {}
/** A provider is down or rate-limiting: retry later with backoff, nothing is lost. */
export class MailboxTemporarilyUnavailable extends Error {}

export interface MailboxProvider {
  kind: MailboxProviderKind
  fetch(connection: MailboxConnectionRef): Promise<FetchResult>
  send(connection: MailboxConnectionRef, mail: OutboundMail): Promise<{ providerMessageId: string | null; providerThreadId?: string | null }>
  /** Revokes tokens at the provider where it can; called on disconnect. */
  disconnect(connection: MailboxConnectionRef): Promise<void>
}

const providers = new Map<MailboxProviderKind, MailboxProvider>()

export function registerMailboxProvider(provider: MailboxProvider) {
  providers.set(provider.kind, provider)
  return () => void providers.delete(provider.kind)
}

export function mailboxProvider(kind: MailboxProviderKind): MailboxProvider {
  const provider = providers.get(kind)
  if (!provider) throw new Error(`no mailbox provider registered for ${kind}`)
  return provider
}
