import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#identity/models/user'
import RecoveryCode from '#identity/models/recovery_code'
import { UserFacingError } from '#core/errors'
import { twoFactor } from '#identity/services/two_factor'
import { audit } from '#core/audit'

/**
 * Turns on TOTP once the user proves their app shows the right code for the
 * secret offered at setup. Returns recovery codes, shown once.
 */
export default class EnableTwoFactor {
  async handle(user: User, pendingSecret: string | undefined, code: string) {
    if (!pendingSecret) {
      throw new UserFacingError('The setup expired. Start two-factor setup again.', 'code')
    }
    if (!(await twoFactor.verifyCode(pendingSecret, code))) {
      throw new UserFacingError('That code does not match. Check the time on your phone and try the newest code.', 'code')
    }
    const codes = twoFactor.newRecoveryCodes()
    const sealedSecret = await twoFactor.sealSecret(user.id, pendingSecret)
    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      user.totpSecret = sealedSecret
      user.totpEnabledAt = DateTime.now()
      await user.save()
      await storeRecoveryCodes(user, codes, trx)
    })
    await audit({ action: 'account.two_factor_enabled', workspaceId: null, targetType: 'user', targetId: user.id })
    return codes
  }
}

export async function storeRecoveryCodes(user: User, codes: string[], trx: TransactionClientContract) {
  await RecoveryCode.query({ client: trx }).where('user_id', user.id).delete()
  await RecoveryCode.createMany(
    codes.map((code) => ({ userId: user.id, codeHash: twoFactor.hashRecoveryCode(code) })),
    { client: trx }
  )
}
