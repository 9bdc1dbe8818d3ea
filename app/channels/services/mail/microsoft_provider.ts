/**
 * Microsoft 365 / Outlook mailboxes over Microsoft Graph (fetch, no SDK).
 * Sync uses the inbox's delta query: pages are followed through
 * @odata.nextLink, and the final @odata.deltaLink is the cursor for the next
 * run. A batch that fills up stops at a page boundary and keeps the nextLink
 * as the cursor, so nothing is skipped. The first sync only looks back
 * FIRST_SYNC_DAYS (a shared inbox can hold years of mail). Messages are read
 * as MIME (`/messages/{id}/$value`) so parsing stays in one place, and
 * replies are sent as MIME (`POST /me/sendMail`, text/plain base64 body),
 * which keeps our Message-ID, In-Reply-To and References headers: threading
 * works the same for the customer as with every other mailbox.
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
import { MailboxRequestRejected, expectJson, oauthFetch } from '#channels/services/mail/oauth_tokens'

const FIRST_SYNC_DAYS = 14
const graph = (path: string) => `${mailboxesConfig.microsoft.graphUrl}${path}`

interface DeltaPage {
  'value'?: { 'id': string; 'conversationId'?: string; '@removed'?: unknown }[]
  '@odata.nextLink'?: string
  '@odata.deltaLink'?: string
}

function initialDeltaUrl() {
  const since = new Date(Date.now() - FIRST_SYNC_DAYS * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const query = new URLSearchParams({ $select: 'id,conversationId,receivedDateTime', $filter: `receivedDateTime ge ${since}` })
  return graph(`/me/mailFolders/inbox/messages/delta?${query}`)
}

/** A stored cursor is a Graph link; only ever send the bearer token to Graph itself. */
function isGraphLink(link: string) {
  return link.startsWith(`${mailboxesConfig.microsoft.graphUrl}/`)
}

async function deltaPage(connection: MailboxConnectionRef, url: string): Promise<DeltaPage | null> {
  const response = await oauthFetch(connection, url, { headers: { accept: 'application/json', prefer: `odata.maxpagesize=${mailboxesConfig.fetchBatch}` } })
  // 410 Gone (syncStateNotFound / resyncRequired): the delta token expired, start over
  if (response.status === 410 || response.status === 404) return null
  return expectJson<DeltaPage>(response, 'messages delta')
}

async function rawMessage(connection: MailboxConnectionRef, id: string, conversationId?: string): Promise<RawInboundMail | null> {
  const response = await oauthFetch(connection, graph(`/me/messages/${encodeURIComponent(id)}/$value`))
  if (response.status === 404) return null // moved or deleted since the delta was taken
  if (!response.ok) throw new MailboxRequestRejected(`message $value answered ${response.status}`)
  const raw = new Uint8Array(await response.arrayBuffer())
  return { providerMessageId: id, providerThreadId: conversationId ?? null, raw }
}

export const microsoftProvider: MailboxProvider = {
  kind: 'microsoft',

  async fetch(connection: MailboxConnectionRef): Promise<FetchResult> {
    const stored = connection.syncCursor
    let url = stored && isGraphLink(stored) ? stored : initialDeltaUrl()
    let page = await deltaPage(connection, url)
    if (!page) page = await deltaPage(connection, (url = initialDeltaUrl()))
    if (!page) throw new MailboxTemporarilyUnavailable('Graph refused a fresh delta query')

    const items: { id: string; conversationId?: string }[] = []
    const seen = new Set<string>()
    let cursor: string = url
    while (true) {
      for (const item of page.value ?? []) {
        if (item['@removed'] || seen.has(item.id)) continue
        seen.add(item.id)
        items.push({ id: item.id, conversationId: item.conversationId })
      }
      const next = page['@odata.nextLink']
      if (page['@odata.deltaLink'] || !next) {
        cursor = page['@odata.deltaLink'] ?? cursor
        break
      }
      cursor = next
      if (items.length >= mailboxesConfig.fetchBatch) break
      const following = await deltaPage(connection, next)
      if (!following) throw new MailboxTemporarilyUnavailable('Graph lost the delta state mid-sync')
      page = following
    }

    const messages: RawInboundMail[] = []
    for (const item of items) {
      const message = await rawMessage(connection, item.id, item.conversationId)
      if (message) messages.push(message)
    }
    return { messages, nextCursor: cursor }
  },

  async send(connection: MailboxConnectionRef, mail: OutboundMail) {
    const response = await oauthFetch(connection, graph('/me/sendMail'), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: Buffer.from(mail.raw).toString('base64'),
    })
    if (response.status !== 202 && !response.ok) {
      const detail = await response.text().catch(() => '')
      throw new MailboxRequestRejected(`sendMail answered ${response.status}${detail ? `: ${detail.slice(0, 200)}` : ''}`)
    }
    // sendMail answers 202 with no body: Graph does not say which id the sent copy got
    return { providerMessageId: null, providerThreadId: mail.providerThreadId ?? null }
  },

  /**
   * Microsoft has no endpoint to revoke one app's refresh token.
   * `revokeSignInSessions` would sign the person out of every app and device
   * and needs an extra admin-consented scope, so it is not called: the tokens
   * are wiped on our side (by the disconnect action) and the admin is told to
   * remove the app's consent at https://myapps.microsoft.com if they want the
   * grant gone at Microsoft too.
   */
  async disconnect(_connection: MailboxConnectionRef) {},
}
