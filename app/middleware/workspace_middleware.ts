import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { resolveWorkspaceMembership } from '#identity/index'
import type Workspace from '#identity/models/workspace'
import type Membership from '#identity/models/membership'

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
