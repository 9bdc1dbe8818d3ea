/**
 * OAuth access for the Gmail and Graph providers: every API call goes through
 * `oauthFetch`, which refreshes an expired access token first (and once more
 * on a 401), persists refreshed tokens through the connection (sealed by the
 * vault), and turns provider answers into the contract's two errors:
 * refused credentials → MailboxReconnectRequired (the admin reconnects);
 * 429, 5xx, timeouts, network → MailboxTemporarilyUnavailable (retry later).
 */
import mailboxesConfig, { microsoftTokenUrl } from '#config/mailboxes'
import { MailboxReconnectRequired, MailboxTemporarilyUnavailable, type MailboxConnectionRef } from '#channels/services/mail/provider'

export type OAuthMailboxKind = 'gmail' | 'microsoft'

/** What a Gmail/Microsoft connection keeps in its sealed credentials. */
export interface OAuthCredentials {
  accessToken: string
  refreshToken: string | null
  /** ISO time the access token stops working (null: unknown, used until a 401). */
  expiresAt: string | null
  scope: string | null
}

/** Refresh this long before the announced expiry, so a call never starts with a token about to die. */
const EXPIRY_MARGIN_MS = 60_000

export function credentialsFromToken(token: { token: string; refreshToken?: string | null; expiresAt?: Date | null; expiresIn?: number | null; scope?: unknown }): OAuthCredentials {
  const expiresAt = token.expiresAt ?? (token.expiresIn ? new Date(Date.now() + Number(token.expiresIn) * 1000) : null)
  return {
    accessToken: token.token,
    refreshToken: token.refreshToken ?? null,
    expiresAt: expiresAt ? expiresAt.toISOString() : null,
    scope: typeof token.scope === 'string' ? token.scope : null,
  }
}

export function readCredentials(connection: MailboxConnectionRef): OAuthCredentials {
  const credentials = connection.credentials ?? {}
  if (typeof credentials.accessToken !== 'string' || !credentials.accessToken) {
    throw new MailboxReconnectRequired('The mailbox has no OAuth tokens; connect it again.')
  }
  return {
    accessToken: credentials.accessToken,
    refreshToken: typeof credentials.refreshToken === 'string' ? credentials.refreshToken : null,
    expiresAt: typeof credentials.expiresAt === 'string' ? credentials.expiresAt : null,
    scope: typeof credentials.scope === 'string' ? credentials.scope : null,
  }
}

function isExpired(credentials: OAuthCredentials) {
  return credentials.expiresAt !== null && Date.parse(credentials.expiresAt) - EXPIRY_MARGIN_MS <= Date.now()
}

function kindOf(connection: MailboxConnectionRef): OAuthMailboxKind {
  if (connection.provider !== 'gmail' && connection.provider !== 'microsoft') throw new Error(`${connection.provider} mailboxes do not use OAuth`)
  return connection.provider
}

/** fetch with a timeout; network failures become MailboxTemporarilyUnavailable. */
export async function providerRequest(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(mailboxesConfig.timeoutMs) })
  } catch (error) {
    throw new MailboxTemporarilyUnavailable(`${new URL(url).host} did not answer (${(error as Error).name === 'TimeoutError' ? 'timeout' : 'network error'})`, { cause: error })
  }
}

export function isTransient(status: number) {
  return status === 408 || status === 429 || status >= 500
}

/** Exchanges the refresh token for a new access token and stores it; the refresh token may rotate (Microsoft does). */
export async function refreshAccessToken(connection: MailboxConnectionRef): Promise<OAuthCredentials> {
  const kind = kindOf(connection)
  const current = readCredentials(connection)
  if (!current.refreshToken) throw new MailboxReconnectRequired('The mailbox has no refresh token; connect it again.')
  const settings = kind === 'gmail' ? mailboxesConfig.google : mailboxesConfig.microsoft
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: current.refreshToken,
    client_id: settings.clientId,
    client_secret: settings.clientSecret,
  })
  if (kind === 'microsoft') body.set('scope', mailboxesConfig.microsoft.scopes.join(' '))
  const url = kind === 'gmail' ? mailboxesConfig.google.tokenUrl : microsoftTokenUrl()
  const response = await providerRequest(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept': 'application/json' },
    body,
  })
  const payload = (await response.json().catch(() => ({}))) as Record<string, any>
  // Microsoft answers some overloads as 400 temporarily_unavailable (AADSTS50196 and friends)
  if (isTransient(response.status) || payload.error === 'temporarily_unavailable' || payload.error === 'server_error') {
    throw new MailboxTemporarilyUnavailable(`token refresh answered ${response.status}${payload.error ? ` ${String(payload.error)}` : ''}`)
  }
  if (!response.ok || typeof payload.access_token !== 'string') {
    // invalid_grant: revoked, expired or password changed; invalid_client: app secret rotated. Either way a person must act.
    const label = kind === 'gmail' ? 'Google' : 'Microsoft'
    throw new MailboxReconnectRequired(`${label} no longer accepts Vaultdesk's access (${String(payload.error ?? response.status)}: revoked, expired or the password changed).`)
  }
  const next: OAuthCredentials = {
    ...credentialsFromToken({ token: payload.access_token, expiresIn: payload.expires_in, scope: payload.scope ?? current.scope }),
    refreshToken: typeof payload.refresh_token === 'string' ? payload.refresh_token : current.refreshToken,
  }
  await connection.saveCredentials({ ...connection.credentials, ...next })
  connection.credentials = { ...connection.credentials, ...next }
  return next
}

/** Gmail answers 403 both for missing scopes and for its per-user rate limits; only the latter is temporary. */
async function isRateLimit403(response: Response) {
  const text = await response.clone().text().catch(() => '')
  return /rateLimitExceeded|userRateLimitExceeded|quotaExceeded|ApplicationThrottled|TooManyRequests/i.test(text)
}

/**
 * An authenticated call to Gmail or Graph. Returns the response for any
 * status the caller must interpret (2xx, 404, 410...); throws the contract's
 * errors for authentication failures and outages.
 */
export async function oauthFetch(connection: MailboxConnectionRef, url: string, init: RequestInit = {}): Promise<Response> {
  let credentials = readCredentials(connection)
  if (isExpired(credentials)) credentials = await refreshAccessToken(connection)
  const call = (token: string) => providerRequest(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } })
  let response = await call(credentials.accessToken)
  if (response.status === 401) {
    // Revoked early or clock skew: one refresh, one retry
    credentials = await refreshAccessToken(connection)
    response = await call(credentials.accessToken)
    if (response.status === 401) throw new MailboxReconnectRequired('The provider no longer accepts this mailbox\'s access; connect it again.')
  }
  if (isTransient(response.status)) throw new MailboxTemporarilyUnavailable(`${new URL(url).host} answered ${response.status}`)
  if (response.status === 403) {
    if (await isRateLimit403(response)) throw new MailboxTemporarilyUnavailable(`${new URL(url).host} is rate limiting`)
    throw new MailboxReconnectRequired('The mailbox did not grant Vaultdesk access to mail; connect it again and allow reading and sending mail.')
  }
  return response
}

/** The provider rejected the request itself (a 4xx other than auth): retrying the same request will not help. */
export class MailboxRequestRejected extends Error {}

/** Reads a JSON answer the caller expects to be 2xx. */
export async function expectJson<T = Record<string, any>>(response: Response, what: string): Promise<T> {
  if (!response.ok) {
    const detail = await response.text().catch(() => '')
    throw new MailboxRequestRejected(`${what} answered ${response.status}${detail ? `: ${detail.slice(0, 200)}` : ''}`)
  }
  try {
    return (await response.json()) as T
  } catch (error) {
    throw new MailboxTemporarilyUnavailable(`${what} answered with invalid JSON`, { cause: error })
  }
}
