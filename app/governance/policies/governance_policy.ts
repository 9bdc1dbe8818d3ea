import { BasePolicy } from '@adonisjs/bouncer'
import type { User, Membership } from '#identity/index'

/** Owners and privacy staff read the workspace's audit log. */
export default class GovernancePolicy extends BasePolicy {
  viewAuditLog(_user: User, actor: Membership) {
    return actor.role === 'owner' || actor.role === 'privacy'
  }
}
