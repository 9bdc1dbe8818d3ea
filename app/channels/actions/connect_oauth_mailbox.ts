import { UserFacingError } from '#core/errors'
import ConnectMailbox from '#channels/actions/connect_mailbox'
import { credentialsFromToken, type OAuthMailboxKind } from '#channels/services/mail/oauth_tokens'

/** What the OAuth callback learnt: the account's address and the tokens Ally got for it. */
export interface OAuthGrant {
  email: string | null
  token: { token: string; refreshToken?: string | null; expiresAt?: Date | null; expiresIn?: number | null; scope?: unknown }
  /** Scopes the provider reports as granted (the token answer's `scope`, or the callback's). */
  grantedScope: string | null
}

/** Whether the grant covers reading and sending mail (a user may untick permissions on the consent screen). */
function coversMail(kind: OAuthMailboxKind, scope: string) {
  const granted = scope.split(/\s+/).map((entry) => entry.replace(/^https:\/\/graph\.microsoft\.com\//i, '').toLowerCase())
  if (kind === 'gmail') return granted.includes('https://www.googleapis.com/auth/gmail.modify') || granted.includes('https://mail.google.com/')
  return granted.includes('mail.readwrite') && granted.includes('mail.send')
}

/**
 * Stores a Gmail or Microsoft 365 mailbox after the OAuth consent: the
 * address comes from the provider's userinfo (never from the browser), the
 * tokens go only into the connection's vault-sealed credentials.
 */
export default class ConnectOAuthMailbox {
  async handle(workspaceId: string, kind: OAuthMailboxKind, grant: OAuthGrant) {
    const label = kind === 'gmail' ? 'Google' : 'Microsoft'
    if (!grant.email) throw new UserFacingError(`${label} did not tell us the mailbox's address. Sign in with a mailbox account and try again.`)
    const scope = grant.grantedScope ?? ''
    if (grant.grantedScope !== null && !coversMail(kind, scope)) {
      throw new UserFacingError(`Vaultdesk needs permission to read and send mail. Connect again and allow access to ${kind === 'gmail' ? 'Gmail' : 'Outlook mail'}.`)
    }
    const credentials = credentialsFromToken({ ...grant.token, scope: grant.grantedScope })
    if (!credentials.refreshToken) {
      // Without a refresh token the mailbox would stop syncing within the hour
      throw new UserFacingError(`${label} did not grant offline access. Connect again and accept every permission asked.`)
    }
    return new ConnectMailbox().handle({ workspaceId, provider: kind, address: grant.email, credentials: { ...credentials } })
  }
}
