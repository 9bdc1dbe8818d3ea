import type { HttpContext } from '@adonisjs/core/http'
import { membershipsOf } from '#identity/services/user_memberships'
import type { Role } from '#identity/roles'

export type CurrentUserDto = {
  id: string
  fullName: string
  email: string
  emailVerified: boolean
  hasTwoFactor: boolean
  isOperator: boolean
}

export type WorkspaceSummaryDto = {
  id: string
  name: string
  slug: string
  role: Role
}

/** DTOs shared with every page: explicit shapes, never raw models. */
export async function sharedPageProps(ctx: HttpContext) {
  const user = ctx.auth?.user
  if (!user) {
    return { currentUser: null, workspaces: [], currentWorkspace: null }
  }
  const memberships = await membershipsOf(user, ctx)
  const workspaces: WorkspaceSummaryDto[] = memberships
    .map((membership) => ({
      id: membership.workspace.id,
      name: membership.workspace.name,
      slug: membership.workspace.slug,
      role: membership.role,
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
  const currentUser: CurrentUserDto = {
    id: user.id,
    fullName: user.fullName,
    email: user.email,
    emailVerified: user.isVerified,
    hasTwoFactor: user.hasTwoFactor,
    isOperator: user.isOperator,
  }
  // Account pages keep the navigation of the workspace the user was last in.
  const currentId = ctx.workspace?.id ?? user.lastWorkspaceId
  const current = workspaces.find((workspace) => workspace.id === currentId) ?? null
  return { currentUser, workspaces, currentWorkspace: current }
}
