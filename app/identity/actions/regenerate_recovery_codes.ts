import db from '@adonisjs/lucid/services/db'
import type User from '#identity/models/user'
import { UserFacingError } from '#core/errors'
import { twoFactor } from '#identity/services/two_factor'
import { storeRecoveryCodes } from '#identity/actions/enable_two_factor'
import { audit } from '#core/audit'

/** Replaces all recovery codes (old ones stop working); returns the new ones once. */
export default class RegenerateRecoveryCodes {
  async handle(user: User) {
    if (!user.hasTwoFactor) throw new UserFacingError('Turn on two-factor authentication first.')
    const codes = twoFactor.newRecoveryCodes()
    await db.transaction((trx) => storeRecoveryCodes(user, codes, trx))
    await audit({ action: 'account.recovery_codes_regenerated', workspaceId: null, targetType: 'user', targetId: user.id })
    return codes
  }
}
