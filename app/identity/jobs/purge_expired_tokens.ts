import { DateTime } from 'luxon'
import UserToken from '#identity/models/user_token'
import Invitation from '#identity/models/invitation'

/**
 * Daily: one-time tokens are kept 7 days past expiry or use (for support
 * questions), invitations 30 days past expiry; then deleted.
 */
export async function purgeExpiredTokens() {
  const tokenCutoff = DateTime.now().minus({ days: 7 }).toSQL()
  await UserToken.query()
    .where((query) => query.where('expires_at', '<', tokenCutoff).orWhere('used_at', '<', tokenCutoff))
    .delete()
  await Invitation.query().where('expires_at', '<', DateTime.now().minus({ days: 30 }).toSQL()).delete()
}
