import { BasePolicy } from '@adonisjs/bouncer'
import type { User, Membership } from '#identity/index'

const is = (actor: Membership, ...roles: Membership['role'][]) => roles.includes(actor.role)

/**
 * Governance pages by role: owners decide (retention, support access,
 * objections); privacy staff read and place legal holds; admins read
 * notices and manage consent purposes; agents see none of it.
 */
export default class GovernancePolicy extends BasePolicy {
  viewAuditLog(_user: User, actor: Membership) {
    return is(actor, 'owner', 'privacy')
  }

  viewRetention(_user: User, actor: Membership) {
    return is(actor, 'owner', 'admin', 'privacy')
  }

  manageRetention(_user: User, actor: Membership) {
    return is(actor, 'owner')
  }

  manageLegalHolds(_user: User, actor: Membership) {
    return is(actor, 'owner', 'privacy')
  }

  viewNotices(_user: User, actor: Membership) {
    return is(actor, 'owner', 'admin', 'privacy')
  }

  objectToSubprocessor(_user: User, actor: Membership) {
    return is(actor, 'owner')
  }

  viewConsent(_user: User, actor: Membership) {
    return is(actor, 'owner', 'admin', 'privacy')
  }

  manageConsentPurposes(_user: User, actor: Membership) {
    return is(actor, 'owner', 'admin')
  }

  manageSupportAccess(_user: User, actor: Membership) {
    return is(actor, 'owner')
  }

  viewRopa(_user: User, actor: Membership) {
    return is(actor, 'owner', 'privacy')
  }
}
