/**
 * The OAuth dance of the email channels through the API client, against the
 * local fake Google or Microsoft: start at the workspace's redirect route,
 * read the consent page, approve it like a person would, and come back to
 * the callback with the session and Ally's state cookie the redirect set.
 */
import type { ApiClient } from '@japa/api-client'
import type User from '#identity/models/user'

export interface OAuthDance {
  /** The provider's authorize URL the app redirected to. */
  authorizeUrl: URL
  /** The consent page's HTML. */
  consentHtml: string
  /** Where the provider sent the browser back to (the app's callback). */
  callbackUrl: URL
  stateCookie: string
  state: string
  session: Record<string, any>
}

export async function startConsent(client: ApiClient, options: { base: string; provider: 'gmail' | 'microsoft'; user: User; decision?: 'allow' | 'deny' }): Promise<OAuthDance> {
  const start = await client.get(`${options.base}/email/oauth/${options.provider}/redirect`).loginAs(options.user).redirects(0)
  start.assertStatus(302)
  const authorizeUrl = new URL(start.header('location')!)
  const state = authorizeUrl.searchParams.get('state') ?? ''
  const consent = await fetch(authorizeUrl)
  const consentHtml = await consent.text()
  const approve = new URL(consentHtml.match(/<form method="get" action="([^"]+)"/)![1].replace(/&#38;/g, '&'))
  for (const [name, value] of authorizeUrl.searchParams) approve.searchParams.set(name, value)
  approve.searchParams.set('decision', options.decision ?? 'allow')
  const back = await fetch(approve, { redirect: 'manual' })
  return {
    authorizeUrl,
    consentHtml,
    callbackUrl: new URL(back.headers.get('location')!),
    stateCookie: options.provider === 'gmail' ? 'google_oauth_state' : 'microsoft_oauth_state',
    state,
    session: start.session(),
  }
}

/** Returns to the app's callback as the same browser (session + state cookie), or with overrides to play an attacker. */
export function finishConsent(client: ApiClient, dance: OAuthDance, user: User, overrides: { state?: string; session?: Record<string, any>; query?: Record<string, string> } = {}) {
  const url = new URL(dance.callbackUrl)
  for (const [name, value] of Object.entries(overrides.query ?? {})) url.searchParams.set(name, value)
  return client
    .get(`${url.pathname}${url.search}`)
    .loginAs(user)
    .withSession(overrides.session ?? dance.session)
    .withEncryptedCookie(dance.stateCookie, overrides.state ?? dance.state)
    .redirects(0)
}
