import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import User from '#identity/models/user'
import UserToken from '#identity/models/user_token'
import { consumeUserToken } from '#identity/actions/issue_user_token'
import { audit } from '#core/audit'

/** Sets a new password from a single-use reset token and ends other sessions' reset links. */
export default class ResetPassword {
  async handle(token: unknown, newPassword: string) {
    const record = await consumeUserToken(token, 'password_reset')
    const user = await db.transaction(async (trx) => {
      const user = await User.findOrFail(record.userId, { client: trx })
      user.password = newPassword
      // The reset mail proves control of the address.
      user.emailVerifiedAt ??= DateTime.now()
      await user.save()
      await UserToken.query({ client: trx })
        .where('user_id', user.id)
        .where('purpose', 'password_reset')
        .whereNull('used_at')
        .delete()
      return user
    })
    await audit({ action: 'account.password_reset', workspaceId: null, targetType: 'user', targetId: user.id, actor: { type: 'user', id: user.id } })
    return user
  }
}
