import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** Development tools (the local mailbox) do not exist in production. */
export default class DevOnlyMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (app.inProduction) return ctx.response.notFound({ message: 'Not found' })
    return next()
  }
}
