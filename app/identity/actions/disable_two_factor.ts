import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import type User from '#identity/models/user'
import RecoveryCode from '#identity/models/recovery_code'
import { UserFacingError } from '#core/errors'
import { audit } from '#core/audit'

/** Turns off TOTP after re-checking the password; recovery codes go with it. */
export default class DisableTwoFactor {
  async handle(user: User, password: string) {
    if (!(await hash.verify(user.password, password))) {
      throw new UserFacingError('The password is incorrect.', 'currentPassword')
    }
    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      user.totpSecret = null
      user.totpEnabledAt = null
      await user.save()
      await RecoveryCode.query({ client: trx }).where('user_id', user.id).delete()
    })
    await audit({ action: 'account.two_factor_disabled', workspaceId: null, targetType: 'user', targetId: user.id })
  }
}
