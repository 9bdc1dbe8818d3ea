import { BasePolicy } from '@adonisjs/bouncer'
import type { User, Membership } from '#identity/index'

/** Billing is the owners' business: plan, payment, invoices and the billing contact. */
export default class BillingPolicy extends BasePolicy {
  manage(_user: User, actor: Membership | undefined) {
    return actor?.role === 'owner'
  }
}
