import type { HttpContext } from '@adonisjs/core/http'

/** The workspace, membership and user of a request under /w/:workspace (set by the workspace middleware). */
export function workspaceContext(ctx: HttpContext) {
  return { workspace: ctx.workspace!, membership: ctx.membership!, user: ctx.auth.getUserOrFail() }
}
