import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { resolveWorkspaceMembership } from '#identity/index'
import { UserFacingError } from '#core/errors'
import type Workspace from '#identity/models/workspace'
import type Membership from '#identity/models/membership'

/** What an owner of a closed workspace can still reach: the page with the restore button, and the restore itself. */
function isRestorePath(ctx: HttpContext) {
  if (ctx.membership?.role !== 'owner') return false
  const path = ctx.request.url().replace(/^\/w\/[^/]+/, '')
  return (ctx.request.method() === 'GET' && path === '/governance/retention') || (ctx.request.method() === 'DELETE' && path === '/governance/closure')
}

/**
 * Resolves `:workspace` (a slug) to the workspace and the signed-in user's
 * membership. Non-members get the same 404 as an unknown slug, so workspace
 * names cannot be probed.
 */
export default class WorkspaceMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const user = ctx.auth.getUserOrFail()
    const { workspace, membership } = await resolveWorkspaceMembership(user, ctx.params.workspace, ctx)
    ctx.workspace = workspace
    ctx.membership = membership
    if (workspace.closedAt && !isRestorePath(ctx)) {
      // A closed workspace waits out its restore window: its owner may only restore it.
      if (membership.role === 'owner' && ctx.request.method() === 'GET') {
        return ctx.response.redirect(`/w/${workspace.slug}/governance/retention`)
      }
      throw new UserFacingError('This workspace is closed. Its owner can restore it from the Retention page.', undefined, { status: 403, code: 'E_WORKSPACE_CLOSED' })
    }
    if (user.lastWorkspaceId !== workspace.id) {
      user.lastWorkspaceId = workspace.id
      await user.save()
    }
    return next()
  }
}

declare module '@adonisjs/core/http' {
  interface HttpContext {
    workspace?: Workspace
    membership?: Membership
  }
}
