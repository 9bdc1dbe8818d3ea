/**
 * An Ally driver for the Microsoft identity platform v2 (Azure AD / Entra ID
 * work and school accounts, and personal Outlook accounts with `common`).
 * Ally ships no Microsoft driver, so this one follows its "custom drivers"
 * guide: Oauth2Driver does the redirect, state cookie and code exchange; this
 * class names the endpoints and reads the profile from Graph's /me.
 */
import { Oauth2Driver } from '@adonisjs/ally'
import type { AllyUserContract, ApiRequestContract, Oauth2AccessToken, Oauth2DriverConfig, RedirectRequestContract } from '@adonisjs/ally/types'
import type { HttpContext } from '@adonisjs/core/http'

export type MicrosoftScopes = 'openid' | 'email' | 'profile' | 'offline_access' | 'User.Read' | 'Mail.ReadWrite' | 'Mail.Send'

export interface MicrosoftToken extends Oauth2AccessToken {
  token: string
  type: 'bearer'
  scope?: string
  idToken?: string
}

export interface MicrosoftDriverConfig extends Oauth2DriverConfig {
  /** `{login}/{tenant}/oauth2/v2.0/authorize` */
  authorizeUrl: string
  /** `{login}/{tenant}/oauth2/v2.0/token` */
  accessTokenUrl: string
  /** Graph `/me` */
  userInfoUrl: string
  scopes: string[]
  /** `select_account` lets an admin pick the shared mailbox account; `consent` forces the consent screen. */
  prompt?: 'login' | 'none' | 'consent' | 'select_account'
}

export class MicrosoftDriver extends Oauth2Driver<MicrosoftToken, MicrosoftScopes> {
  protected authorizeUrl = ''
  protected accessTokenUrl = ''
  protected userInfoUrl = ''
  protected codeParamName = 'code'
  protected errorParamName = 'error'
  protected stateCookieName = 'microsoft_oauth_state'
  protected stateParamName = 'state'
  protected scopeParamName = 'scope'
  protected scopesSeparator = ' '

  constructor(
    ctx: HttpContext,
    public config: MicrosoftDriverConfig
  ) {
    super(ctx, config)
    this.authorizeUrl = config.authorizeUrl
    this.accessTokenUrl = config.accessTokenUrl
    this.userInfoUrl = config.userInfoUrl
    // Reads the state cookie set by redirect() (Oauth2Driver checks it against ?state=)
    this.loadState()
  }

  protected configureRedirectRequest(request: RedirectRequestContract<MicrosoftScopes>) {
    request.scopes(this.config.scopes as MicrosoftScopes[])
    request.param('response_type', 'code')
    request.param('response_mode', 'query')
    if (this.config.prompt) request.param('prompt', this.config.prompt)
  }

  /** The v2 token endpoint wants the scopes again with the code. */
  protected configureAccessTokenRequest(request: ApiRequestContract) {
    request.field('scope', this.config.scopes.join(' '))
  }

  accessDenied() {
    const error = this.getError()
    return error === 'access_denied' || error === 'consent_required'
  }

  async accessToken(callback?: (request: ApiRequestContract) => void): Promise<MicrosoftToken> {
    const token = await super.accessToken(callback)
    return { ...token, idToken: (token as Record<string, any>).id_token }
  }

  protected async getUserInfo(token: string, callback?: (request: ApiRequestContract) => void) {
    const request = this.httpClient(this.userInfoUrl)
    request.header('Authorization', `Bearer ${token}`)
    request.header('Accept', 'application/json')
    request.parseAs('json')
    if (typeof callback === 'function') callback(request)
    const body = await request.get()
    // Exchange mailboxes have `mail`; accounts without one sign in with their UPN
    const email: string | null = body.mail || body.userPrincipalName || null
    return {
      id: String(body.id),
      nickName: body.displayName ?? email ?? '',
      name: body.displayName ?? email ?? '',
      email,
      avatarUrl: null,
      emailVerificationState: 'unsupported' as const,
      original: body,
    }
  }

  async user(callback?: (request: ApiRequestContract) => void): Promise<AllyUserContract<MicrosoftToken>> {
    const token = await this.accessToken(callback)
    const user = await this.getUserInfo(token.token, callback)
    return { ...user, token }
  }

  async userFromToken(token: string, callback?: (request: ApiRequestContract) => void): Promise<AllyUserContract<{ token: string; type: 'bearer' }>> {
    const user = await this.getUserInfo(token, callback)
    return { ...user, token: { token, type: 'bearer' as const } }
  }
}
