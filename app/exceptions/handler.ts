import app from '@adonisjs/core/services/app'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { UserFacingError } from '#core/errors'
import { PlanLimitError } from '#core/plan_limits'

/**
 * Every failure a user can cause becomes a 4xx with a message they can act
 * on. Unexpected errors get a generic 500 page: no stack, no request data.
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction && !app.inTest
  protected renderStatusPages = true

  // Integer-like keys come first in JS key order, so ranges must not overlap the single statuses.
  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '404': (error, { inertia }) => inertia.render('errors/not_found', { message: messageOf(error, 'Page not found') }),
    '410': (error, { inertia }) => inertia.render('errors/gone', { message: messageOf(error, 'This link is no longer valid') }),
    '400..403': (error, ctx) => renderClientError(error, ctx),
    '405..409': (error, ctx) => renderClientError(error, ctx),
    '411..499': (error, ctx) => renderClientError(error, ctx),
    '500..599': (_error, { inertia }) => inertia.render('errors/server_error', {}),
  }

  async handle(error: unknown, ctx: HttpContext) {
    if (!wantsJson(ctx) && ctx.session) {
      // Form refusals go back to the form, with the message next to the field or on top.
      if (error instanceof UserFacingError && !PAGE_STATUSES.has(error.status)) {
        ctx.session.flashExcept(['password', 'passwordConfirmation', 'currentPassword', 'code', 'recoveryCode', 'token'])
        if (error instanceof PlanLimitError && error.upgradeUrl) ctx.session.flash('upgradeUrl', error.upgradeUrl)
        if (error.field) {
          ctx.session.flash('inputErrorsBag', { [error.field]: [error.message] })
        } else {
          ctx.session.flash('error', error.message)
        }
        return ctx.response.redirect().back()
      }
      if (codeOf(error) === 'E_AUTHORIZATION_FAILURE') {
        const page = await ctx.inertia.render('errors/client_error', {
          status: 403,
          message: 'Your role does not allow this. Ask an owner or admin of the workspace.',
        })
        return ctx.response.status(403).send(page)
      }
      if (codeOf(error) === 'E_BAD_CSRF_TOKEN') {
        ctx.session.flash('error', 'Your session expired or the form was stale. Reload the page and try again.')
        return ctx.response.redirect().back()
      }
    }
    if (isHttpError(error) && wantsJson(ctx)) {
      const upgradeUrl = error instanceof PlanLimitError ? error.upgradeUrl : undefined
      return ctx.response.status(error.status).send({ message: error.message, code: error.code, ...(upgradeUrl ? { upgradeUrl } : {}) })
    }
    return super.handle(error, ctx)
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(error, ctx)
  }
}

function renderClientError(error: unknown, { inertia }: HttpContext) {
  return inertia.render('errors/client_error', { status: statusOf(error, 400), message: messageOf(error, 'Request refused') })
}

/** Statuses that get a page of their own rather than a message on the form. */
const PAGE_STATUSES = new Set([403, 404, 410])

function statusOf(error: unknown, fallback: number) {
  const status = (error as { status?: unknown })?.status
  return typeof status === 'number' ? status : fallback
}

function codeOf(error: unknown) {
  return (error as { code?: unknown })?.code
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
