import Membership from '#identity/models/membership'
import type User from '#identity/models/user'

/**
 * The signed-in user's memberships with their workspaces, read once per
 * request: the workspace middleware resolves the current workspace from them
 * and the shared page props list them in the switcher. Kept per request
 * (`scope` is the HttpContext), never across requests.
 */
const loaded = new WeakMap<object, { userId: string; memberships: Promise<Membership[]> }>()

export function membershipsOf(user: User, scope: object): Promise<Membership[]> {
  const cached = loaded.get(scope)
  if (cached && cached.userId === user.id) return cached.memberships
  const memberships = Membership.query().where('user_id', user.id).preload('workspace').orderBy('created_at').exec()
  loaded.set(scope, { userId: user.id, memberships })
  return memberships
}
