/**
 * A local Microsoft identity platform (v2 authorize with a consent page,
 * token endpoint with authorization_code and rotating refresh_token grants,
 * AADSTS error shapes) and the Microsoft Graph endpoints the provider uses:
 * /me, the inbox's messages delta query (@odata.nextLink pages and an
 * @odata.deltaLink, 410 when the delta state is gone), MIME content
 * (/me/messages/{id}/$value) and MIME sendMail (base64 text/plain, 202).
 *
 * Test controls: `deliver()`, `expireAccessTokens()`, `revokeGrant()`,
 * `expireDeltaTokens()`, `failures`, and the records `sent`, `tokenRequests`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { useMailboxEndpoints } from '#config/mailboxes'
import { listenOnPreferredPort } from '#tests/helpers/fakes/listen'
import { bearer, consentPage, readBody, redirect, sendJson, token } from '#tests/helpers/fakes/oauth_common'

export const MICROSOFT_CLIENT_ID = '00000000-aaaa-bbbb-cccc-vaultdesk0001'
export const MICROSOFT_CLIENT_SECRET = 'vaultdesk~test~secret'
export const MICROSOFT_TENANT = 'organizations'

interface GraphMessage {
  id: string
  conversationId: string
  raw: Buffer
  receivedDateTime: string
  /** Position in the change sequence (what delta tokens count). */
  changeSeq: number
}

function graphError(response: ServerResponse, status: number, code: string, message: string) {
  sendJson(response, status, { error: { code, message, innerError: { 'date': new Date().toISOString(), 'request-id': randomBytes(8).toString('hex') } } })
}

const encodeState = (state: Record<string, number>) => Buffer.from(JSON.stringify(state)).toString('base64url')
const decodeState = (value: string) => {
  try {
    return JSON.parse(Buffer.from(value, 'base64url').toString()) as Record<string, number>
  } catch {
    return null
  }
}

export class FakeMicrosoft {
  #server: Server
  #restore?: () => void
  account = { id: '7a1f0b3e-0000-4000-8000-5a1e5d0c0001', displayName: 'Contoso Support', mail: 'support@contoso-mail.test', userPrincipalName: 'support@contoso.onmicrosoft.test' }
  messages: GraphMessage[] = []
  changeSeq = 0
  /** Delta tokens of an older generation answer 410 (the sync state expired). */
  deltaGeneration = 1
  codes = new Map<string, { redirectUri: string; scope: string }>()
  accessTokens = new Map<string, { expiresAt: number }>()
  refreshTokens = new Set<string>()
  failures: number[] = []
  sent: { raw: string }[] = []
  tokenRequests: Record<string, string>[] = []
  requests: { method: string; path: string }[] = []

  constructor(public port = 0) {
    this.#server = createServer((request, response) => {
      this.#route(request, response).catch((error) => graphError(response, 500, 'generalException', String(error)))
    })
  }

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`
  }

  get graphUrl() {
    return `${this.baseUrl}/v1.0`
  }

  async start() {
    await listenOnPreferredPort(this.#server, this.port)
    this.port = (this.#server.address() as AddressInfo).port
    this.#restore = useMailboxEndpoints({
      microsoft: { clientId: MICROSOFT_CLIENT_ID, clientSecret: MICROSOFT_CLIENT_SECRET, tenant: MICROSOFT_TENANT, loginUrl: this.baseUrl, graphUrl: this.graphUrl },
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
    this.changeSeq = 0
    this.deltaGeneration = 1
    this.codes.clear()
    this.accessTokens.clear()
    this.refreshTokens.clear()
    this.failures = []
    this.sent = []
    this.tokenRequests = []
    this.requests = []
  }

  deliver(raw: string | Buffer, options: { conversationId?: string } = {}) {
    const id = `AAMkAD${randomBytes(12).toString('base64url')}`
    const message: GraphMessage = {
      id,
      conversationId: options.conversationId ?? `AAQkAD${randomBytes(8).toString('base64url')}`,
      raw: Buffer.isBuffer(raw) ? raw : Buffer.from(raw.replace(/\r?\n/g, '\r\n')),
      receivedDateTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      changeSeq: ++this.changeSeq,
    }
    this.messages.push(message)
    return message
  }

  expireAccessTokens() {
    for (const entry of this.accessTokens.values()) entry.expiresAt = 0
  }

  revokeGrant() {
    this.refreshTokens.clear()
    this.expireAccessTokens()
  }

  expireDeltaTokens() {
    this.deltaGeneration++
  }

  async #route(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', this.baseUrl)
    this.requests.push({ method: request.method ?? 'GET', path: url.pathname })
    const path = url.pathname
    const oauth = path.match(/^\/([^/]+)\/oauth2\/v2\.0\/(authorize|authorize\/approve|token)$/)
    if (oauth) {
      if (oauth[1] !== MICROSOFT_TENANT) return sendJson(response, 400, { error: 'invalid_request', error_description: `AADSTS90002: Tenant '${oauth[1]}' not found.`, error_codes: [90002] })
      if (oauth[2] === 'authorize') return this.#authorize(url, response)
      if (oauth[2] === 'authorize/approve') return this.#approve(url, response)
      return this.#token(request, response)
    }
    if (path.startsWith('/v1.0/')) return this.#graph(request, url, response)
    graphError(response, 404, 'NotFound', 'Resource not found')
  }

  #authorize(url: URL, response: ServerResponse) {
    const params = url.searchParams
    if (params.get('client_id') !== MICROSOFT_CLIENT_ID) {
      return sendJson(response, 400, { error: 'unauthorized_client', error_description: `AADSTS700016: Application with identifier '${params.get('client_id')}' was not found.`, error_codes: [700016] })
    }
    consentPage(response, {
      brand: 'Microsoft',
      account: this.account.mail,
      appName: 'Vaultdesk',
      scopes: (params.get('scope') ?? '').split(' '),
      approveUrl: `${this.baseUrl}/${MICROSOFT_TENANT}/oauth2/v2.0/authorize/approve`,
      params,
    })
  }

  #approve(url: URL, response: ServerResponse) {
    const params = url.searchParams
    const back = new URL(params.get('redirect_uri')!)
    if (params.get('state')) back.searchParams.set('state', params.get('state')!)
    if (params.get('decision') !== 'allow') {
      back.searchParams.set('error', 'access_denied')
      back.searchParams.set('error_description', 'AADSTS65004: User declined to consent to access the app.')
      return redirect(response, back.toString())
    }
    const code = token('0.AX')
    this.codes.set(code, { redirectUri: params.get('redirect_uri')!, scope: params.get('scope') ?? '' })
    back.searchParams.set('code', code)
    redirect(response, back.toString())
  }

  #issue(scope: string) {
    const accessToken = token('eyJ0eXAi.')
    const refreshToken = token('0.AXrefresh.')
    this.accessTokens.set(accessToken, { expiresAt: Date.now() + 3600_000 })
    this.refreshTokens.add(refreshToken)
    // Graph scopes come back as full resource URIs minus the OIDC ones
    const granted = scope.split(' ').filter((s) => !['openid', 'email', 'profile', 'offline_access'].includes(s)).map((s) => `https://graph.microsoft.com/${s}`)
    return { token_type: 'Bearer', scope: granted.join(' '), expires_in: 3600, ext_expires_in: 3600, access_token: accessToken, refresh_token: refreshToken, id_token: `${token('eyJ')}.${token('')}.${token('')}` }
  }

  async #token(request: IncomingMessage, response: ServerResponse) {
    const fields = Object.fromEntries(new URLSearchParams((await readBody(request)).toString()))
    this.tokenRequests.push(fields)
    if (fields.client_id !== MICROSOFT_CLIENT_ID || fields.client_secret !== MICROSOFT_CLIENT_SECRET) {
      return sendJson(response, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.', error_codes: [7000215] })
    }
    if (fields.grant_type === 'authorization_code') {
      const grant = this.codes.get(fields.code)
      this.codes.delete(fields.code)
      if (!grant || grant.redirectUri !== fields.redirect_uri) {
        return sendJson(response, 400, { error: 'invalid_grant', error_description: 'AADSTS70000: The provided authorization code is invalid or has expired.', error_codes: [70000] })
      }
      return sendJson(response, 200, this.#issue(grant.scope))
    }
    if (fields.grant_type === 'refresh_token') {
      if (this.failures.length) return sendJson(response, this.failures.shift()!, { error: 'temporarily_unavailable', error_description: 'AADSTS50196: The server is busy.' })
      if (!this.refreshTokens.has(fields.refresh_token)) {
        return sendJson(response, 400, { error: 'invalid_grant', error_description: 'AADSTS700082: The refresh token has expired or was revoked.', error_codes: [700082] })
      }
      // Refresh tokens rotate: the old one keeps working (as at Microsoft), the new one comes back
      return sendJson(response, 200, this.#issue(fields.scope ?? 'Mail.ReadWrite Mail.Send User.Read'))
    }
    sendJson(response, 400, { error: 'unsupported_grant_type', error_description: 'AADSTS70003: The app requested an unsupported grant type.' })
  }

  #authorized(request: IncomingMessage) {
    const value = bearer(request)
    const entry = value ? this.accessTokens.get(value) : undefined
    return Boolean(entry && entry.expiresAt > Date.now())
  }

  #deltaPage(response: ServerResponse, since: number, offset: number, pageSize: number, filterFrom: string | null) {
    const changed = this.messages.filter((m) => m.changeSeq > since && (!filterFrom || m.receivedDateTime >= filterFrom))
    const page = changed.slice(offset, offset + pageSize)
    const link = `${this.graphUrl}/me/mailFolders/inbox/messages/delta`
    const body: Record<string, unknown> = {
      '@odata.context': `${this.graphUrl}/$metadata#Collection(message)`,
      'value': page.map((m) => ({ '@odata.type': '#microsoft.graph.message', '@odata.etag': `W/"${m.changeSeq}"`, 'id': m.id, 'conversationId': m.conversationId, 'receivedDateTime': m.receivedDateTime })),
    }
    if (offset + pageSize < changed.length) body['@odata.nextLink'] = `${link}?$skiptoken=${encodeState({ since, offset: offset + pageSize, size: pageSize })}`
    else body['@odata.deltaLink'] = `${link}?$deltatoken=${encodeState({ since: this.changeSeq, gen: this.deltaGeneration })}`
    sendJson(response, 200, body)
  }

  async #graph(request: IncomingMessage, url: URL, response: ServerResponse) {
    if (!this.#authorized(request)) return graphError(response, 401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.')
    if (this.failures.length) {
      const status = this.failures.shift()!
      return graphError(response, status, status === 429 ? 'ApplicationThrottled' : 'ServiceNotAvailable', 'The service is temporarily unavailable.')
    }
    const path = url.pathname.replace('/v1.0', '')
    if (request.method === 'GET' && path === '/me') {
      return sendJson(response, 200, { '@odata.context': `${this.graphUrl}/$metadata#users/$entity`, ...this.account })
    }
    if (request.method === 'GET' && path === '/me/mailFolders/inbox/messages/delta') {
      const pageSize = Number(String(request.headers.prefer ?? '').match(/odata\.maxpagesize=(\d+)/)?.[1] ?? 10)
      const skip = url.searchParams.get('$skiptoken')
      const delta = url.searchParams.get('$deltatoken')
      if (skip) {
        const state = decodeState(skip)
        if (!state) return graphError(response, 400, 'BadRequest', 'Invalid skip token')
        return this.#deltaPage(response, state.since, state.offset, state.size ?? pageSize, null)
      }
      if (delta) {
        const state = decodeState(delta)
        if (!state) return graphError(response, 400, 'BadRequest', 'Invalid delta token')
        if (state.gen !== this.deltaGeneration) return graphError(response, 410, 'SyncStateNotFound', 'The sync state generation is not found. Resync required.')
        return this.#deltaPage(response, state.since, 0, pageSize, null)
      }
      const filter = url.searchParams.get('$filter')
      const from = filter?.match(/^receivedDateTime ge (\S+)$/)?.[1] ?? null
      if (filter && !from) return graphError(response, 400, 'ErrorInvalidUrlQueryFilter', 'The query filter contains one or more invalid nodes.')
      return this.#deltaPage(response, 0, 0, pageSize, from)
    }
    const value = path.match(/^\/me\/messages\/([^/]+)\/\$value$/)
    if (request.method === 'GET' && value) {
      const message = this.messages.find((m) => m.id === decodeURIComponent(value[1]))
      if (!message) return graphError(response, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.')
      response.writeHead(200, { 'content-type': 'text/plain' })
      return response.end(message.raw)
    }
    if (request.method === 'POST' && path === '/me/sendMail') {
      const body = (await readBody(request)).toString()
      if (!String(request.headers['content-type'] ?? '').startsWith('text/plain')) return graphError(response, 400, 'ErrorInvalidRequest', 'the fake only accepts MIME sendMail')
      if (!/^[A-Za-z0-9+/=\r\n]+$/.test(body)) return graphError(response, 400, 'ErrorMimeContentInvalidBase64String', 'Invalid base64 string for MIME content.')
      this.sent.push({ raw: Buffer.from(body, 'base64').toString('utf8') })
      response.writeHead(202)
      return response.end()
    }
    graphError(response, 404, 'NotFound', 'Resource not found')
  }
}
