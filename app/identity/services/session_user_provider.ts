import { SessionLucidUserProvider } from '@adonisjs/auth/session'
import type User from '#identity/models/user'
import { MEMBERSHIPS_WITH_USER } from '#identity/services/memberships_sql'

/**
 * The session guard's user lookup, bringing the user's memberships and
 * workspaces in the same query: every signed-in page needs them (workspace
 * resolution, the switcher), and a round trip per page is what they cost.
 * Imports nothing of the app at load time: the auth config builds it.
 */
export class SessionUserWithMembershipsProvider extends SessionLucidUserProvider<typeof User> {
  async findById(identifier: string | number | BigInt) {
    const query = (await this.getModel()).query()
    const user = await query.select('users.*', query.client.raw(MEMBERSHIPS_WITH_USER)).where('users.id', String(identifier)).first()
    return user ? this.createUserForGuard(user) : null
  }
}
