import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import app from '@adonisjs/core/services/app'
import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { AccessToken } from '@adonisjs/auth/access_tokens'
import { isUuid } from '#core/tenancy'
import { Workspace } from '#identity/index'
import ApiClient from '#helpdesk/api/models/api_client'
import { TOKEN_PREFIX, type ApiScope } from '#helpdesk/api/scopes'
import { refuse } from '#helpdesk/api/services/api_responses'
import { whyTokenWasRefused } from '#helpdesk/api/services/token_diagnosis'
import { apiTokensGuard } from '#config/auth'

type GuardFactory = Awaited<ReturnType<typeof apiTokensGuard.resolver>>
let guardFactory: Promise<GuardFactory> | undefined

/** The access-tokens guard of config/auth.ts, resolved once per process. */
function apiGuardFor(ctx: HttpContext) {
  guardFactory ??= apiTokensGuard.resolver('api', app)
  return guardFactory.then((factory) => factory(ctx))
}

/**
 * The door of the REST API, in order: a valid token (401), its rate limit
 * (429), the scope the route needs (403). The token's workspace becomes
 * `ctx.workspace`, so every lookup after this is scoped to it and other
 * workspaces' ids answer 404.
 */
export default class ApiTokenMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { scope?: ApiScope } = {}) {
    const presented = bearerTokenOf(ctx)
    if (!presented) {
      return refuse(ctx, 401, 'E_MISSING_TOKEN', 'Send an API token in the Authorization header: "Authorization: Bearer <token>".')
    }
    const decoded = AccessToken.decode(TOKEN_PREFIX, presented)
    if (!decoded || !isUuid(decoded.identifier)) {
      return refuse(ctx, 401, 'E_INVALID_TOKEN', `This is not a Vaultdesk API token: tokens start with "${TOKEN_PREFIX}". Copy the whole token.`)
    }

    const guard = await apiGuardFor(ctx)
    const client = (await guard.check()) ? guard.user! : null
    if (!client || client.isRevoked) {
      const reason = await whyTokenWasRefused(decoded.identifier, decoded.secret)
      return refuse(ctx, 401, reason.code, reason.message)
    }

    const token = client.currentAccessToken!
    const allowed = await this.#consumeRateLimit(ctx, client, String(token.identifier))
    if (!allowed) return

    if (options.scope && !token.allows(options.scope)) {
      return refuse(ctx, 403, 'E_MISSING_SCOPE', `This token lacks the "${options.scope}" scope. Create a token with that scope.`)
    }

    ctx.apiClient = client
    ctx.workspace = await Workspace.findOrFail(client.workspaceId)
    return next()
  }

  /** Per token, in the database store (shared by every app process). */
  async #consumeRateLimit(ctx: HttpContext, client: ApiClient, tokenId: string) {
    const perMinute = limiter.use('database', { requests: client.requestsPerMinute, duration: '1 min' })
    try {
      const result = await perMinute.consume(`api_token:${tokenId}`)
      ctx.response.header('X-RateLimit-Limit', String(result.limit))
      ctx.response.header('X-RateLimit-Remaining', String(result.remaining))
      return true
    } catch (error) {
      if (!(error instanceof limiterErrors.E_TOO_MANY_REQUESTS)) throw error
      const retryAfter = Math.max(1, error.response.availableIn)
      ctx.response.header('Retry-After', String(retryAfter))
      ctx.response.header('X-RateLimit-Limit', String(error.response.limit))
      ctx.response.header('X-RateLimit-Remaining', '0')
      refuse(ctx, 429, 'E_TOO_MANY_REQUESTS', `Rate limit of ${client.requestsPerMinute} requests per minute reached for this token. Retry in ${retryAfter} s.`)
      return false
    }
  }
}

function bearerTokenOf(ctx: HttpContext) {
  const [type, value] = (ctx.request.header('authorization') ?? '').trim().split(/\s+/)
  return type?.toLowerCase() === 'bearer' && value ? value : null
}

declare module '@adonisjs/core/http' {
  interface HttpContext {
    apiClient?: ApiClient
  }
}
