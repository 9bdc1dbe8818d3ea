import { BasePolicy } from '@adonisjs/bouncer'
import type { Membership, User } from '#identity/index'

/**
 * AI features per workspace role: owners and admins set up the provider,
 * use the playground and read token usage; agents (and owners and admins)
 * get suggested replies and ticket summaries; privacy staff use none.
 */
export default class AssistantPolicy extends BasePolicy {
  draft(_user: User, actor: Membership | undefined) {
    return actor?.role === 'owner' || actor?.role === 'admin' || actor?.role === 'agent'
  }

  manage(_user: User, actor: Membership | undefined) {
    return Boolean(actor?.canManageWorkspace)
  }
}
