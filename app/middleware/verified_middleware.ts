import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** Workspaces are for confirmed addresses: others are sent to confirm theirs. */
export default class VerifiedMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (!ctx.auth.getUserOrFail().isVerified) {
      return ctx.response.redirect('/verify-email')
    }
    return next()
  }
}
