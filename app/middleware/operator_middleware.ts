import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { RecordNotFoundException } from '#core/tenancy'

/**
 * The operator console (platform staff, separate from workspace roles).
 * Everyone else gets the same 404 as an unknown page, so the console is not
 * advertised. Operators still see no workspace data without a support grant.
 */
export default class OperatorMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const user = ctx.auth.getUserOrFail()
    if (!user.isOperator) throw new RecordNotFoundException('Page not found')
    return next()
  }
}
