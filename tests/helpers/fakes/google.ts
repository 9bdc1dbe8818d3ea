/**
 * A local Google: the OAuth 2.0 authorization server (consent page that
 * redirects back with a code, token endpoint with the authorization_code and
 * refresh_token grants and Google's error shapes, userinfo, revoke) and the
 * Gmail REST API endpoints the provider uses (users.getProfile,
 * users.messages.list/get?format=raw/send, users.history.list), over one
 * in-memory mailbox with real history ids and base64url raw messages.
 *
 * Test controls (no HTTP): `deliver()` puts a raw message in the INBOX,
 * `expireAccessTokens()`, `revokeGrant()` (refresh → invalid_grant),
 * `failures` (statuses answered to the next Gmail calls), `expireHistory()`,
 * and the records `sent`, `revoked`, `tokenRequests`, `requests`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { useMailboxEndpoints } from '#config/mailboxes'
import { listenOnPreferredPort } from '#tests/helpers/fakes/listen'
import { bearer, consentPage, readBody, redirect, sendJson, token } from '#tests/helpers/fakes/oauth_common'

export const GOOGLE_CLIENT_ID = 'vaultdesk-test.apps.googleusercontent.com'
export const GOOGLE_CLIENT_SECRET = 'GOCSPX-vaultdesk-test'

interface GmailMessage {
  id: string
  threadId: string
  labelIds: string[]
  raw: Buffer
  historyId: number
  internalDate: number
}

interface HistoryRecord {
  id: number
  message: GmailMessage
}

const hexId = () => randomBytes(8).toString('hex')

function googleError(response: ServerResponse, code: number, status: string, message: string, reason = status.toLowerCase()) {
  sendJson(response, code, { error: { code, message, errors: [{ message, domain: 'global', reason }], status } })
}

export class FakeGoogle {
  #server: Server
  #restore?: () => void
  account = { sub: '109876543210987654321', email: 'support@acme-mail.test', name: 'Acme Support' }
  /** Scopes the consent page grants (the user may untick Gmail access). */
  grantedScopes: string[] | null = null
  messages: GmailMessage[] = []
  history: HistoryRecord[] = []
  historyId = 1000
  /** History before this id is gone (history.list answers 404). */
  oldestHistoryId = 0
  codes = new Map<string, { redirectUri: string; clientId: string; scope: string }>()
  accessTokens = new Map<string, { expiresAt: number }>()
  refreshTokens = new Set<string>()
  /** Statuses answered to the next Gmail API calls before answering normally (e.g. [503]). */
  failures: number[] = []
  /** Gmail's error reason for a 403 in `failures`: its rate limits or a missing scope. */
  forbiddenReason: 'userRateLimitExceeded' | 'insufficientPermissions' = 'insufficientPermissions'
  sent: { raw: string; threadId: string | null; id: string }[] = []
  revoked: string[] = []
  tokenRequests: Record<string, string>[] = []
  requests: { method: string; path: string }[] = []

  constructor(public port = 0) {
    this.#server = createServer((request, response) => {
      this.#route(request, response).catch((error) => googleError(response, 500, 'INTERNAL', String(error)))
    })
  }

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`
  }

  async start() {
    await listenOnPreferredPort(this.#server, this.port)
    this.port = (this.#server.address() as AddressInfo).port
    this.#restore = useMailboxEndpoints({
      google: {
        clientId: GOOGLE_CLIENT_ID,
        clientSecret: GOOGLE_CLIENT_SECRET,
        authorizeUrl: `${this.baseUrl}/o/oauth2/v2/auth`,
        tokenUrl: `${this.baseUrl}/token`,
        userInfoUrl: `${this.baseUrl}/oauth2/v3/userinfo`,
        revokeUrl: `${this.baseUrl}/revoke`,
        gmailApiUrl: this.baseUrl,
      },
    })
    return this
  }

  async stop() {
    this.#restore?.()
    this.#server.closeAllConnections()
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }

  reset() {
    this.messages = []
    this.history = []
    this.historyId = 1000
    this.oldestHistoryId = 0
    this.codes.clear()
    this.accessTokens.clear()
    this.refreshTokens.clear()
    this.failures = []
    this.forbiddenReason = 'insufficientPermissions'
    this.sent = []
    this.revoked = []
    this.tokenRequests = []
    this.requests = []
    this.grantedScopes = null
  }

  // ---- test controls -------------------------------------------------------

  /** A message arrives in the INBOX (returns its Gmail id and thread id). */
  deliver(raw: string | Buffer, options: { threadId?: string; labelIds?: string[] } = {}) {
    const id = hexId()
    const message: GmailMessage = {
      id,
      threadId: options.threadId ?? id,
      labelIds: options.labelIds ?? ['INBOX', 'UNREAD'],
      raw: Buffer.isBuffer(raw) ? raw : Buffer.from(raw.replace(/\r?\n/g, '\r\n')),
      historyId: ++this.historyId,
      internalDate: Date.now(),
    }
    this.messages.push(message)
    this.history.push({ id: message.historyId, message })
    return message
  }

  /** Access tokens issued so far stop working (Gmail answers 401 until refreshed). */
  expireAccessTokens() {
    for (const entry of this.accessTokens.values()) entry.expiresAt = 0
  }

  /** The user removed the app's access: refresh tokens answer invalid_grant. */
  revokeGrant() {
    this.refreshTokens.clear()
    this.expireAccessTokens()
  }

  /** Google keeps history for about a week: everything older than now is gone. */
  expireHistory() {
    this.oldestHistoryId = this.historyId + 1
  }

  // ---- HTTP ----------------------------------------------------------------

  async #route(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', this.baseUrl)
    this.requests.push({ method: request.method ?? 'GET', path: url.pathname })
    const path = url.pathname
    if (request.method === 'GET' && path === '/o/oauth2/v2/auth') return this.#authorize(url, response)
    if (request.method === 'GET' && path === '/o/oauth2/v2/auth/approve') return this.#approve(url, response)
    if (request.method === 'POST' && path === '/token') return this.#token(request, response)
    if (request.method === 'POST' && path === '/revoke') return this.#revoke(request, url, response)
    if (request.method === 'GET' && path === '/oauth2/v3/userinfo') {
      if (!this.#authorized(request)) return sendJson(response, 401, { error: 'invalid_request', error_description: 'Invalid Credentials' })
      return sendJson(response, 200, { ...this.account, email_verified: true, picture: 'https://example.test/a.png' })
    }
    if (path.startsWith('/gmail/v1/users/me/')) return this.#gmail(request, url, response)
    googleError(response, 404, 'NOT_FOUND', 'Not Found')
  }

  #authorize(url: URL, response: ServerResponse) {
    const params = url.searchParams
    if (params.get('client_id') !== GOOGLE_CLIENT_ID) return sendJson(response, 401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' })
    if (params.get('response_type') !== 'code' || !params.get('redirect_uri')) return sendJson(response, 400, { error: 'invalid_request' })
    consentPage(response, {
      brand: 'Google',
      account: this.account.email,
      appName: 'Vaultdesk',
      scopes: (params.get('scope') ?? '').split(' '),
      approveUrl: `${this.baseUrl}/o/oauth2/v2/auth/approve`,
      params,
    })
  }

  #approve(url: URL, response: ServerResponse) {
    const params = url.searchParams
    const back = new URL(params.get('redirect_uri')!)
    if (params.get('state')) back.searchParams.set('state', params.get('state')!)
    if (params.get('decision') !== 'allow') {
      back.searchParams.set('error', 'access_denied')
      return redirect(response, back.toString())
    }
    const code = token('4/0A')
    const scope = (this.grantedScopes ?? (params.get('scope') ?? '').split(' ')).join(' ')
    this.codes.set(code, { redirectUri: params.get('redirect_uri')!, clientId: params.get('client_id')!, scope })
    back.searchParams.set('code', code)
    back.searchParams.set('scope', scope)
    redirect(response, back.toString())
  }

  #issue(scope: string, withRefresh: boolean) {
    const accessToken = token('ya29.')
    this.accessTokens.set(accessToken, { expiresAt: Date.now() + 3599_000 })
    const body: Record<string, unknown> = { access_token: accessToken, expires_in: 3599, scope, token_type: 'Bearer', id_token: `${token('eyJ')}.${token('')}.${token('')}` }
    if (withRefresh) {
      const refreshToken = token('1//0g')
      this.refreshTokens.add(refreshToken)
      body.refresh_token = refreshToken
    }
    return body
  }

  async #token(request: IncomingMessage, response: ServerResponse) {
    const fields = Object.fromEntries(new URLSearchParams((await readBody(request)).toString()))
    this.tokenRequests.push(fields)
    if (fields.client_id !== GOOGLE_CLIENT_ID || fields.client_secret !== GOOGLE_CLIENT_SECRET) {
      return sendJson(response, 401, { error: 'invalid_client', error_description: 'Unauthorized' })
    }
    if (fields.grant_type === 'authorization_code') {
      const grant = this.codes.get(fields.code)
      this.codes.delete(fields.code)
      if (!grant || grant.redirectUri !== fields.redirect_uri) return sendJson(response, 400, { error: 'invalid_grant', error_description: 'Bad Request' })
      return sendJson(response, 200, this.#issue(grant.scope, true))
    }
    if (fields.grant_type === 'refresh_token') {
      if (this.failures.length) return sendJson(response, this.failures.shift()!, { error: 'internal_failure' })
      if (!this.refreshTokens.has(fields.refresh_token)) return sendJson(response, 400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' })
      return sendJson(response, 200, this.#issue('openid email https://www.googleapis.com/auth/gmail.modify', false))
    }
    sendJson(response, 400, { error: 'unsupported_grant_type', error_description: `Invalid grant_type: ${fields.grant_type}` })
  }

  async #revoke(request: IncomingMessage, url: URL, response: ServerResponse) {
    const fields = new URLSearchParams((await readBody(request)).toString())
    const value = fields.get('token') ?? url.searchParams.get('token') ?? ''
    if (!this.refreshTokens.has(value) && !this.accessTokens.has(value)) return sendJson(response, 400, { error: 'invalid_token', error_description: 'Token expired or revoked' })
    this.revoked.push(value)
    // Revoking a refresh token revokes the grant: every token of it stops working
    this.revokeGrant()
    sendJson(response, 200, {})
  }

  #authorized(request: IncomingMessage) {
    const value = bearer(request)
    const entry = value ? this.accessTokens.get(value) : undefined
    return Boolean(entry && entry.expiresAt > Date.now())
  }

  async #gmail(request: IncomingMessage, url: URL, response: ServerResponse) {
    if (!this.#authorized(request)) return googleError(response, 401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token.')
    if (this.failures.length) {
      const status = this.failures.shift()!
      if (status === 403) return googleError(response, 403, 'PERMISSION_DENIED', this.forbiddenReason === 'insufficientPermissions' ? 'Request had insufficient authentication scopes.' : 'User-rate limit exceeded.', this.forbiddenReason)
      return googleError(response, status, status === 429 ? 'RESOURCE_EXHAUSTED' : 'UNAVAILABLE', 'The service is currently unavailable.')
    }
    const path = url.pathname.replace('/gmail/v1/users/me', '')
    const query = url.searchParams
    if (request.method === 'GET' && path === '/profile') {
      return sendJson(response, 200, { emailAddress: this.account.email, messagesTotal: this.messages.length, threadsTotal: new Set(this.messages.map((m) => m.threadId)).size, historyId: String(this.historyId) })
    }
    if (request.method === 'GET' && path === '/messages') {
      const labels = query.getAll('labelIds')
      const max = Number(query.get('maxResults') ?? 100)
      const matching = this.messages.filter((m) => labels.every((label) => m.labelIds.includes(label))).reverse()
      const offset = Number(query.get('pageToken') ?? 0)
      const page = matching.slice(offset, offset + max)
      return sendJson(response, 200, {
        ...(page.length ? { messages: page.map((m) => ({ id: m.id, threadId: m.threadId })) } : {}),
        ...(offset + max < matching.length ? { nextPageToken: String(offset + max) } : {}),
        resultSizeEstimate: matching.length,
      })
    }
    if (request.method === 'GET' && path === '/history') {
      const start = Number(query.get('startHistoryId'))
      if (!Number.isFinite(start) || start <= 0) return googleError(response, 400, 'INVALID_ARGUMENT', 'Invalid startHistoryId')
      if (start < this.oldestHistoryId) return googleError(response, 404, 'NOT_FOUND', 'Requested entity was not found.')
      const label = query.get('labelId')
      const max = Number(query.get('maxResults') ?? 100)
      const records = this.history.filter((record) => record.id > start && (!label || record.message.labelIds.includes(label)))
      const offset = Number(query.get('pageToken') ?? 0)
      const page = records.slice(offset, offset + max)
      return sendJson(response, 200, {
        ...(page.length
          ? { history: page.map((record) => ({ id: String(record.id), messages: [{ id: record.message.id, threadId: record.message.threadId }], messagesAdded: [{ message: { id: record.message.id, threadId: record.message.threadId, labelIds: record.message.labelIds } }] })) }
          : {}),
        ...(offset + max < records.length ? { nextPageToken: String(offset + max) } : {}),
        historyId: String(this.historyId),
      })
    }
    const get = path.match(/^\/messages\/([^/]+)$/)
    if (request.method === 'GET' && get) {
      const message = this.messages.find((m) => m.id === decodeURIComponent(get[1]))
      if (!message) return googleError(response, 404, 'NOT_FOUND', 'Requested entity was not found.')
      if (query.get('format') !== 'raw') return googleError(response, 400, 'INVALID_ARGUMENT', 'the fake only serves format=raw')
      return sendJson(response, 200, {
        id: message.id,
        threadId: message.threadId,
        labelIds: message.labelIds,
        snippet: '',
        sizeEstimate: message.raw.length,
        historyId: String(message.historyId),
        internalDate: String(message.internalDate),
        raw: message.raw.toString('base64url'),
      })
    }
    if (request.method === 'POST' && path === '/messages/send') {
      let body: { raw?: string; threadId?: string }
      try {
        body = JSON.parse((await readBody(request)).toString())
      } catch {
        return googleError(response, 400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.')
      }
      if (!body.raw || !/^[A-Za-z0-9_-]+={0,2}$/.test(body.raw)) return googleError(response, 400, 'INVALID_ARGUMENT', "'raw' RFC822 payload message string or uploading message via /upload/* URL required")
      if (body.threadId && !this.messages.some((m) => m.threadId === body.threadId)) return googleError(response, 404, 'NOT_FOUND', 'Requested entity was not found.')
      const id = hexId()
      const raw = Buffer.from(body.raw, 'base64url')
      const threadId = body.threadId ?? id
      this.messages.push({ id, threadId, labelIds: ['SENT'], raw, historyId: ++this.historyId, internalDate: Date.now() })
      this.history.push({ id: this.historyId, message: this.messages.at(-1)! })
      this.sent.push({ raw: raw.toString('utf8'), threadId: body.threadId ?? null, id })
      return sendJson(response, 200, { id, threadId, labelIds: ['SENT'] })
    }
    googleError(response, 404, 'NOT_FOUND', 'Not Found')
  }
}
