import { BasePolicy } from '@adonisjs/bouncer'
import type { User, Membership } from '#identity/index'

/**
 * The privacy desk of a workspace: owners and privacy staff work requests and
 * read the catalog; admins and agents are refused (403), like the audit log.
 */
export default class PrivacyPolicy extends BasePolicy {
  work(_user: User, actor: Membership | undefined) {
    return actor?.role === 'owner' || actor?.role === 'privacy'
  }

  /** The response target and default regime: owners only. */
  configure(_user: User, actor: Membership | undefined) {
    return actor?.role === 'owner'
  }
}
