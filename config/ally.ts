/**
 * OAuth (Ally) for connecting mailboxes: Google with the built-in driver,
 * Microsoft with our identity-platform v2 driver. Factories read
 * config/mailboxes.ts on every use, so endpoint changes (tests) apply at once.
 * Callbacks are fixed URLs (one per provider, as the OAuth apps register them);
 * the workspace travels in the session, never in the URL.
 */
import env from '#start/env'
import { defineConfig } from '@adonisjs/ally'
import type { HttpContext } from '@adonisjs/core/http'
import { GoogleDriver } from '@adonisjs/ally/drivers/google'
import mailboxesConfig, { microsoftAuthorizeUrl, microsoftTokenUrl } from '#config/mailboxes'
import { MicrosoftDriver } from '#channels/services/mail/microsoft_ally_driver'

export const oauthCallbackUrl = (provider: 'google' | 'microsoft') => `${env.get('APP_URL')}/email/oauth/${provider === 'google' ? 'gmail' : 'microsoft'}/callback`

const allyConfig = defineConfig({
  google: (ctx: HttpContext) => {
    const google = mailboxesConfig.google
    return new GoogleDriver(ctx, {
      clientId: google.clientId,
      clientSecret: google.clientSecret,
      callbackUrl: oauthCallbackUrl('google'),
      authorizeUrl: google.authorizeUrl,
      accessTokenUrl: google.tokenUrl,
      userInfoUrl: google.userInfoUrl,
      scopes: google.scopes,
      // offline + consent: Google returns a refresh token every time the mailbox is (re)connected
      accessType: 'offline',
      prompt: 'consent',
    })
  },
  microsoft: (ctx: HttpContext) => {
    const microsoft = mailboxesConfig.microsoft
    return new MicrosoftDriver(ctx, {
      clientId: microsoft.clientId,
      clientSecret: microsoft.clientSecret,
      callbackUrl: oauthCallbackUrl('microsoft'),
      authorizeUrl: microsoftAuthorizeUrl(microsoft),
      accessTokenUrl: microsoftTokenUrl(microsoft),
      userInfoUrl: `${microsoft.graphUrl}/me`,
      scopes: microsoft.scopes,
      prompt: 'select_account',
    })
  },
})

export default allyConfig

declare module '@adonisjs/ally/types' {
  interface SocialProviders extends InferSocialProviders<typeof allyConfig> {}
}
