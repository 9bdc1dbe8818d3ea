import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#identity/models/user'
import type Membership from '#identity/models/membership'
import type { Role } from '#identity/roles'

/**
 * What each workspace role may do with the workspace and its members.
 * Owners: everything. Admins: members and settings, but never owners.
 * Agents and privacy staff: read the member list, leave.
 */
export default class WorkspacePolicy extends BasePolicy {
  viewMembers(_user: User, actor: Membership) {
    return Boolean(actor)
  }

  updateSettings(_user: User, actor: Membership) {
    return actor.canManageWorkspace
  }

  invite(_user: User, actor: Membership, role: Role) {
    if (actor.role === 'owner') return true
    return actor.role === 'admin' && role !== 'owner'
  }

  manageInvitations(_user: User, actor: Membership) {
    return actor.canManageWorkspace
  }

  changeRole(_user: User, actor: Membership, target: Membership, role: Role) {
    if (actor.role === 'owner') return true
    return actor.role === 'admin' && target.role !== 'owner' && role !== 'owner'
  }

  removeMember(user: User, actor: Membership, target: Membership) {
    if (target.userId === user.id) return true
    if (actor.role === 'owner') return true
    return actor.role === 'admin' && target.role !== 'owner'
  }
}
