import { BasePolicy } from '@adonisjs/bouncer'
import type { Membership, User } from '#identity/index'

/**
 * Helpdesk access per workspace role:
 * - owners and admins: everything, including settings (tags, teams,
 *   custom fields, canned replies, CSAT);
 * - agents: work tickets and contacts (reply, note, assign, tag, resolve,
 *   merge contacts, incidents);
 * - privacy staff: read-only on tickets, contacts and attachments, which
 *   they need to answer access and erasure requests; they change nothing.
 */
export default class HelpdeskPolicy extends BasePolicy {
  view(_user: User, actor: Membership | undefined) {
    return Boolean(actor)
  }

  work(_user: User, actor: Membership | undefined) {
    return actor?.role === 'owner' || actor?.role === 'admin' || actor?.role === 'agent'
  }

  manage(_user: User, actor: Membership | undefined) {
    return Boolean(actor?.canManageWorkspace)
  }
}
