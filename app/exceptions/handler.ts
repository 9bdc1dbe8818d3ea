import app from '@adonisjs/core/services/app'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { UserFacingError } from '#core/errors'

/**
 * Every failure a user can cause becomes a 4xx with a message they can act
 * on. Unexpected errors get a generic 500 page: no stack, no request data.
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction && !app.inTest
  protected renderStatusPages = true

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '404': (error, { inertia }) => inertia.render('errors/not_found', { message: messageOf(error, 'Page not found') }),
    '410': (error, { inertia }) => inertia.render('errors/gone', { message: messageOf(error, 'This link is no longer valid') }),
    '400..499': (error, { inertia, response }) =>
      inertia.render('errors/client_error', { status: response.getStatus(), message: messageOf(error, 'Request refused') }),
    '500..599': (_error, { inertia }) => inertia.render('errors/server_error', {}),
  }

  async handle(error: unknown, ctx: HttpContext) {
    if (error instanceof UserFacingError && error.status === 422 && !wantsJson(ctx)) {
      ctx.session.flashExcept(['password', 'password_confirmation', 'current_password', 'code'])
      if (error.field) {
        ctx.session.flash('inputErrorsBag', { [error.field]: [error.message] })
      } else {
        ctx.session.flash('error', error.message)
      }
      return ctx.response.redirect().back()
    }
    if (isHttpError(error) && wantsJson(ctx)) {
      return ctx.response.status(error.status).send({ message: error.message, code: error.code })
    }
    return super.handle(error, ctx)
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(error, ctx)
  }
}

function messageOf(error: unknown, fallback: string) {
  return error instanceof Error && error.message && !error.message.startsWith('E_') ? error.message : fallback
}

function wantsJson(ctx: HttpContext) {
  return ctx.request.url().startsWith('/api/') || (!ctx.request.header('x-inertia') && ctx.request.accepts(['html', 'json']) === 'json')
}

function isHttpError(error: unknown): error is { status: number; message: string; code?: string } {
  const status = (error as { status?: unknown })?.status
  return typeof status === 'number' && status >= 400 && status < 500
}
