import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import BaseInertiaMiddleware from '@adonisjs/inertia/inertia_middleware'
import { sharedPageProps } from '#identity/presenters/shared_props'

/** Props every page receives: who is signed in, their workspaces, flash messages. */
export default class InertiaMiddleware extends BaseInertiaMiddleware {
  async share(ctx: HttpContext) {
    return {
      errors: ctx.session ? this.getValidationErrors(ctx) : {},
      ...(await sharedPageProps(ctx)),
    }
  }

  flash(ctx: HttpContext) {
    if (!ctx.session) return {}
    const { success, error, upgradeUrl } = ctx.session.flashMessages.all()
    return { success: success ?? null, error: error ?? null, upgradeUrl: upgradeUrl ?? null }
  }

  async handle(ctx: HttpContext, next: NextFn) {
    await this.init(ctx)
    const output = await next()
    this.dispose(ctx)
    return output
  }
}
