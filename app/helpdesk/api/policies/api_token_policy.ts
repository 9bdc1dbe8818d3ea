import { BasePolicy } from '@adonisjs/bouncer'
import type { User, Membership } from '#identity/index'

/** API tokens open the workspace's data to other systems: owners and admins manage them. */
export default class ApiTokenPolicy extends BasePolicy {
  manage(_user: User, actor: Membership | undefined) {
    return Boolean(actor?.canManageWorkspace)
  }
}
