import type User from '#identity/models/user'
import { RecordNotFoundException } from '#core/tenancy'
import { membershipsOf } from '#identity/services/user_memberships'

/** The workspace named by `slug` and the user's membership in it, or a 404. */
/** `scope` keeps the memberships for the rest of the request (the HttpContext). */
export async function resolveWorkspaceMembership(user: User, slug: unknown, scope: object = {}) {
  const membership = typeof slug === 'string' ? (await membershipsOf(user, scope)).find((entry) => entry.workspace.slug === slug) : undefined
  if (!membership) throw new RecordNotFoundException('Workspace not found')
  return { workspace: membership.workspace, membership }
}
