/**
 * Gmail and Microsoft 365 mailboxes (OAuth apps and API endpoints).
 * Every URL defaults to the provider's real endpoint; the environment can
 * point them elsewhere (a proxy, or the local fake servers in tests, which
 * also swap them at runtime with `useMailboxEndpoints`).
 */
import env from '#start/env'

export interface GoogleMailboxConfig {
  clientId: string
  clientSecret: string
  authorizeUrl: string
  tokenUrl: string
  userInfoUrl: string
  revokeUrl: string
  /** Gmail REST API root, without the trailing `/gmail/v1`. */
  gmailApiUrl: string
  scopes: string[]
}

export interface MicrosoftMailboxConfig {
  clientId: string
  clientSecret: string
  /** `common` (any work/school or personal account), `organizations`, or a tenant id. */
  tenant: string
  /** Microsoft identity platform root; authorize and token URLs are `{login}/{tenant}/oauth2/v2.0/...`. */
  loginUrl: string
  /** Graph root including the version, e.g. https://graph.microsoft.com/v1.0 */
  graphUrl: string
  scopes: string[]
}

export interface MailboxesConfig {
  google: GoogleMailboxConfig
  microsoft: MicrosoftMailboxConfig
  /** Messages fetched per sync at most (the rest waits for the next run, behind the cursor). */
  fetchBatch: number
  /** HTTP timeout for provider calls, ms. */
  timeoutMs: number
}

const trim = (url: string) => url.replace(/\/+$/, '')

const mailboxesConfig: MailboxesConfig = {
  google: {
    clientId: env.get('GOOGLE_CLIENT_ID') || '',
    clientSecret: env.get('GOOGLE_CLIENT_SECRET')?.release() || '',
    authorizeUrl: env.get('GOOGLE_OAUTH_AUTHORIZE_URL') || 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: env.get('GOOGLE_OAUTH_TOKEN_URL') || 'https://oauth2.googleapis.com/token',
    userInfoUrl: env.get('GOOGLE_USERINFO_URL') || 'https://www.googleapis.com/oauth2/v3/userinfo',
    revokeUrl: env.get('GOOGLE_OAUTH_REVOKE_URL') || 'https://oauth2.googleapis.com/revoke',
    gmailApiUrl: trim(env.get('GMAIL_API_URL') || 'https://gmail.googleapis.com'),
    // gmail.modify: read, and send replies (no permanent deletes); email for the connected address
    scopes: ['openid', 'email', 'https://www.googleapis.com/auth/gmail.modify'],
  },
  microsoft: {
    clientId: env.get('MICROSOFT_CLIENT_ID') || '',
    clientSecret: env.get('MICROSOFT_CLIENT_SECRET')?.release() || '',
    tenant: env.get('MICROSOFT_TENANT') || 'common',
    loginUrl: trim(env.get('MICROSOFT_LOGIN_URL') || 'https://login.microsoftonline.com'),
    graphUrl: trim(env.get('MICROSOFT_GRAPH_URL') || 'https://graph.microsoft.com/v1.0'),
    scopes: ['openid', 'email', 'offline_access', 'User.Read', 'Mail.ReadWrite', 'Mail.Send'],
  },
  fetchBatch: 50,
  timeoutMs: 20_000,
}

export default mailboxesConfig

/** Points the providers at other endpoints (tests use it for the local fakes); returns a restore function. */
export function useMailboxEndpoints(overrides: { google?: Partial<GoogleMailboxConfig>; microsoft?: Partial<MicrosoftMailboxConfig> }) {
  const previous = { google: { ...mailboxesConfig.google }, microsoft: { ...mailboxesConfig.microsoft } }
  Object.assign(mailboxesConfig.google, overrides.google ?? {})
  Object.assign(mailboxesConfig.microsoft, overrides.microsoft ?? {})
  return () => {
    Object.assign(mailboxesConfig.google, previous.google)
    Object.assign(mailboxesConfig.microsoft, previous.microsoft)
  }
}

export function microsoftAuthorizeUrl(config = mailboxesConfig.microsoft) {
  return `${config.loginUrl}/${config.tenant}/oauth2/v2.0/authorize`
}

export function microsoftTokenUrl(config = mailboxesConfig.microsoft) {
  return `${config.loginUrl}/${config.tenant}/oauth2/v2.0/token`
}
