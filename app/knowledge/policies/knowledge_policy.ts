import { BasePolicy } from '@adonisjs/bouncer'
import type { Membership, User } from '#identity/index'

/**
 * Knowledge base access per workspace role: owners and admins add, edit,
 * re-sync and delete sources and set the embeddings provider; agents read
 * the sources their suggested replies cite; privacy staff have no use for it.
 */
export default class KnowledgePolicy extends BasePolicy {
  view(_user: User, actor: Membership | undefined) {
    return actor?.role === 'owner' || actor?.role === 'admin' || actor?.role === 'agent'
  }

  manage(_user: User, actor: Membership | undefined) {
    return Boolean(actor?.canManageWorkspace)
  }
}
