import Workspace from '#identity/models/workspace'
import Membership from '#identity/models/membership'
import type User from '#identity/models/user'
import { RecordNotFoundException } from '#core/tenancy'

/** The workspace named by `slug` and the user's membership in it, or a 404. */
export async function resolveWorkspaceMembership(user: User, slug: unknown) {
  const workspace = typeof slug === 'string' ? await Workspace.findBy('slug', slug) : null
  const membership = workspace
    ? await Membership.query().where('workspace_id', workspace.id).where('user_id', user.id).first()
    : null
  if (!workspace || !membership) throw new RecordNotFoundException('Workspace not found')
  return { workspace, membership }
}
