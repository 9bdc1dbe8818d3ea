import { defineConfig } from '@adonisjs/auth'
import { sessionGuard } from '@adonisjs/auth/session'
import { tokensGuard, tokensUserProvider } from '@adonisjs/auth/access_tokens'
import { SessionUserWithMembershipsProvider } from '#identity/services/session_user_provider'
import type { InferAuthenticators, InferAuthEvents, Authenticators } from '@adonisjs/auth/types'

const authConfig = defineConfig({
  default: 'web',
  guards: {
    web: sessionGuard({
      useRememberMeTokens: false,
      // The user comes with their memberships in one query (app/identity/services/session_user_provider.ts).
      provider: new SessionUserWithMembershipsProvider({ model: () => import('#identity/models/user') }),
    }),
  },
})

export default authConfig

/**
 * Helpdesk REST API: an access-tokens guard for bearer tokens of a
 * workspace's API clients (app/helpdesk/api resolves it per request). Kept
 * out of `guards` on purpose: there it would widen `ctx.auth.user` (and the
 * Bouncer user) to `User | ApiClient` for every page of the app.
 */
export const apiTokensGuard = tokensGuard({
  provider: tokensUserProvider({ tokens: 'accessTokens', model: () => import('#helpdesk/api/models/api_client') }),
})

declare module '@adonisjs/auth/types' {
  export interface Authenticators extends InferAuthenticators<typeof authConfig> {}
}
declare module '@adonisjs/core/types' {
  interface EventsList extends InferAuthEvents<Authenticators> {}
}
