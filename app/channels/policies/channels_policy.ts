import { BasePolicy } from '@adonisjs/bouncer'
import type { Membership, User } from '#identity/index'

/**
 * Channels access per workspace role:
 * - every member may read the help center's articles (they are public content);
 * - owners, admins and agents write, publish and organise articles;
 * - owners and admins configure channels (widget, mailboxes).
 */
export default class ChannelsPolicy extends BasePolicy {
  view(_user: User, actor: Membership | undefined) {
    return Boolean(actor)
  }

  writeArticles(_user: User, actor: Membership | undefined) {
    return actor?.role === 'owner' || actor?.role === 'admin' || actor?.role === 'agent'
  }

  manage(_user: User, actor: Membership | undefined) {
    return Boolean(actor?.canManageWorkspace)
  }
}
