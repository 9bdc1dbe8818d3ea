import type { HttpContext } from '@adonisjs/core/http'

/** The workspace, membership and user of a request under /w/:workspace (set by the workspace middleware). */
export function workspaceContext(ctx: HttpContext) {
  return { workspace: ctx.workspace!, membership: ctx.membership!, user: ctx.auth.getUserOrFail() }
}

/** fetch() and API callers get JSON; Inertia page visits get a redirect with a flash message. */
export function wantsJson(ctx: HttpContext) {
  return !ctx.request.header('x-inertia') && ctx.request.accepts(['html', 'json']) === 'json'
}
