import { BasePolicy } from '@adonisjs/bouncer'
import type { User, Membership } from '#identity/index'

/** Reports show every agent's figures: owners and admins see them. */
export default class ReportPolicy extends BasePolicy {
  view(_user: User, actor: Membership | undefined) {
    return Boolean(actor?.canManageWorkspace)
  }
}
