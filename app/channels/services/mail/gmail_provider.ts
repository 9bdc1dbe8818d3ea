/**
 * Gmail over its REST API (fetch, no SDK). Sync follows Gmail's own guide:
 * the first run notes the mailbox's historyId and takes the most recent INBOX
 * messages; later runs ask history.list for messages added to INBOX since the
 * cursor. An expired historyId (404) means a full resync of recent messages,
 * which the pipeline de-duplicates by Gmail message id. Messages come as
 * format=raw (the RFC 822 source, base64url), so parsing stays in one place.
 */
import mailboxesConfig from '#config/mailboxes'
import {
  MailboxTemporarilyUnavailable,
  type FetchResult,
  type MailboxConnectionRef,
  type MailboxProvider,
  type OutboundMail,
  type RawInboundMail,
} from '#channels/services/mail/provider'
import { expectJson, isTransient, oauthFetch, providerRequest, readCredentials } from '#channels/services/mail/oauth_tokens'

const api = (path: string) => `${mailboxesConfig.google.gmailApiUrl}/gmail/v1/users/me${path}`

interface MessageRef {
  id: string
  threadId?: string
}

async function getJson<T = Record<string, any>>(connection: MailboxConnectionRef, path: string, what: string) {
  return expectJson<T>(await oauthFetch(connection, api(path), { headers: { accept: 'application/json' } }), what)
}

/** The latest INBOX messages (oldest first) and the historyId to continue from. */
async function recentMessages(connection: MailboxConnectionRef): Promise<{ refs: MessageRef[]; historyId: string }> {
  // historyId first: anything arriving while we list is caught by the next history.list (duplicates are skipped)
  const profile = await getJson<{ historyId: string }>(connection, '/profile', 'users.getProfile')
  const list = await getJson<{ messages?: MessageRef[] }>(connection, `/messages?labelIds=INBOX&maxResults=${mailboxesConfig.fetchBatch}`, 'users.messages.list')
  return { refs: (list.messages ?? []).reverse(), historyId: String(profile.historyId) }
}

/**
 * Messages added to INBOX since `startHistoryId`, page by page. Stops at a
 * history record boundary once a batch is full, so the cursor never skips mail.
 * Null when Gmail no longer has that history (404: too old, resync).
 */
async function addedSince(connection: MailboxConnectionRef, startHistoryId: string): Promise<{ refs: MessageRef[]; cursor: string } | null> {
  const refs: MessageRef[] = []
  let cursor = startHistoryId
  let pageToken: string | undefined
  do {
    const query = new URLSearchParams({ startHistoryId, historyTypes: 'messageAdded', labelId: 'INBOX', maxResults: '100' })
    if (pageToken) query.set('pageToken', pageToken)
    const response = await oauthFetch(connection, api(`/history?${query}`), { headers: { accept: 'application/json' } })
    if (response.status === 404 || response.status === 400) return null
    const page = await expectJson<{ history?: { id: string; messagesAdded?: { message: MessageRef & { labelIds?: string[] } }[] }[]; nextPageToken?: string; historyId: string }>(
      response,
      'users.history.list'
    )
    for (const record of page.history ?? []) {
      for (const added of record.messagesAdded ?? []) {
        if (added.message.labelIds && !added.message.labelIds.includes('INBOX')) continue
        refs.push({ id: added.message.id, threadId: added.message.threadId })
      }
      cursor = String(record.id)
      if (refs.length >= mailboxesConfig.fetchBatch) return { refs, cursor }
    }
    pageToken = page.nextPageToken
    if (!pageToken) cursor = String(page.historyId ?? cursor)
  } while (pageToken)
  return { refs, cursor }
}

async function rawMessage(connection: MailboxConnectionRef, ref: MessageRef): Promise<RawInboundMail | null> {
  const response = await oauthFetch(connection, api(`/messages/${encodeURIComponent(ref.id)}?format=raw`), { headers: { accept: 'application/json' } })
  // Deleted between listing and fetching: nothing to take
  if (response.status === 404) return null
  const message = await expectJson<{ id: string; threadId?: string; raw: string }>(response, 'users.messages.get')
  return { providerMessageId: message.id, providerThreadId: message.threadId ?? ref.threadId ?? null, raw: new Uint8Array(Buffer.from(message.raw, 'base64url')) }
}

function unique(refs: MessageRef[]) {
  const seen = new Set<string>()
  return refs.filter((ref) => !seen.has(ref.id) && seen.add(ref.id))
}

export const gmailProvider: MailboxProvider = {
  kind: 'gmail',

  async fetch(connection: MailboxConnectionRef): Promise<FetchResult> {
    let batch = connection.syncCursor ? await addedSince(connection, connection.syncCursor) : null
    if (!batch) {
      const recent = await recentMessages(connection)
      batch = { refs: recent.refs, cursor: recent.historyId }
    }
    const messages: RawInboundMail[] = []
    for (const ref of unique(batch.refs)) {
      const message = await rawMessage(connection, ref)
      if (message) messages.push(message)
    }
    return { messages, nextCursor: batch.cursor }
  },

  async send(connection: MailboxConnectionRef, mail: OutboundMail) {
    const body: Record<string, string> = { raw: Buffer.from(mail.raw).toString('base64url') }
    // Gmail files the reply in the customer's conversation when the threadId and the Subject/References agree
    if (mail.providerThreadId) body.threadId = mail.providerThreadId
    const response = await oauthFetch(connection, api('/messages/send'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept': 'application/json' },
      body: JSON.stringify(body),
    })
    const sent = await expectJson<{ id: string; threadId?: string }>(response, 'users.messages.send')
    return { providerMessageId: sent.id, providerThreadId: sent.threadId ?? mail.providerThreadId ?? null }
  },

  /** Revokes the grant at Google (the refresh token revokes the access tokens made from it too). */
  async disconnect(connection: MailboxConnectionRef) {
    let token: string
    try {
      const credentials = readCredentials(connection)
      token = credentials.refreshToken ?? credentials.accessToken
    } catch {
      return // nothing left to revoke
    }
    const response = await providerRequest(mailboxesConfig.google.revokeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }),
    })
    if (isTransient(response.status)) throw new MailboxTemporarilyUnavailable(`token revocation answered ${response.status}`)
    // 400 invalid_token: already revoked or expired, which is the goal
  },
}
