import type { HttpContext } from '@adonisjs/core/http'

/** The workspace, membership and user of a request under /w/:workspace. */
export function workspaceContext(ctx: HttpContext) {
  return { workspace: ctx.workspace!, membership: ctx.membership!, user: ctx.auth.getUserOrFail() }
}

/** JSON callers get data; page requests get a redirect with a flash message. */
export function wantsJson(ctx: HttpContext) {
  return !ctx.request.header('x-inertia') && ctx.request.accepts(['html', 'json']) === 'json'
}

/** Answers a successful change: JSON for API-style callers, else flash and go back. */
export function done(ctx: HttpContext, message: string, data: Record<string, unknown> = {}) {
  if (wantsJson(ctx)) return ctx.response.ok({ message, ...data })
  ctx.session.flash('success', message)
  return ctx.response.redirect().back()
}
