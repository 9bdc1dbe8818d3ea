import { UserFactory, WorkspaceFactory, DEFAULT_TEST_PASSWORD } from '#database/factories/identity_factories'
import Membership from '#identity/models/membership'
import type User from '#identity/models/user'
import type Workspace from '#identity/models/workspace'
import { ROLES, type Role } from '#identity/roles'

export { DEFAULT_TEST_PASSWORD }

/** A workspace with one member in every role. */
export async function workspaceWithEveryRole(): Promise<{ workspace: Workspace; members: Record<Role, User> }> {
  const workspace = await WorkspaceFactory.create()
  const members = {} as Record<Role, User>
  for (const role of ROLES) {
    const user = await UserFactory.create()
    await Membership.create({ workspaceId: workspace.id, userId: user.id, role })
    members[role] = user
  }
  return { workspace, members }
}

export async function memberOf(workspace: Workspace, role: Role, overrides: Partial<User> = {}) {
  const user = await UserFactory.merge(overrides).create()
  const membership = await Membership.create({ workspaceId: workspace.id, userId: user.id, role })
  return { user, membership }
}
