import type { HttpContext } from '@adonisjs/core/http'

/** The workspace, membership and user of a request under /w/:workspace (set by the workspace middleware). */
export function workspaceContext(ctx: HttpContext) {
  return { workspace: ctx.workspace!, membership: ctx.membership!, user: ctx.auth.getUserOrFail() }
}

/** JSON callers (API clients, fetch) get data; page requests get a redirect with a flash message. */
export function wantsJson(ctx: HttpContext) {
  return !ctx.request.header('x-inertia') && ctx.request.accepts(['html', 'json']) === 'json'
}

export function attachmentUrlFor(slug: string) {
  return (ticketId: string, attachmentId: string) => `/w/${slug}/tickets/${ticketId}/attachments/${attachmentId}`
}
