import { DateTime } from 'luxon'
import limiter from '@adonisjs/limiter/services/main'
import User from '#identity/models/user'
import RecoveryCode from '#identity/models/recovery_code'
import { UserFacingError } from '#core/errors'
import { rateLimitKey } from '#core/rate_limit_keys'
import { twoFactor } from '#identity/services/two_factor'
import { throttledMessage } from '#identity/actions/attempt_login'

/**
 * Second step of sign-in: a current TOTP code or an unused recovery code
 * (which is then spent). Five wrong codes per account block for 15 minutes.
 */
export default class VerifyTwoFactorLogin {
  async handle(userId: string, input: { code?: string | null; recoveryCode?: string | null }) {
    const user = await User.findOrFail(userId)
    const key = rateLimitKey('two_factor', user.id)
    const attempt = limiter.use({ requests: 5, duration: '1 min', blockDuration: '15 mins' })
    const [throttled] = await attempt.penalize(key, async () => {
      if (await this.#check(user, input)) return true
      throw new UserFacingError('That code is not valid. Try the current code from your app.', 'code', { status: 400 })
    })
    if (throttled) {
      throw new UserFacingError(throttledMessage(throttled.response.availableIn), 'code', {
        status: 429,
        code: 'E_TOO_MANY_REQUESTS',
      })
    }
    return user
  }

  async #check(user: User, input: { code?: string | null; recoveryCode?: string | null }) {
    if (!user.totpSecret) return false
    if (input.code) {
      const secret = await twoFactor.openSecret(user.id, user.totpSecret)
      const step = await twoFactor.matchingStep(secret, input.code)
      if (step === null) return false
      // A code signs in once: the step must be newer than the last one used (conditional, so two racing requests cannot both win).
      const claimed = await User.query()
        .where('id', user.id)
        .where((query) => query.whereNull('totp_last_step').orWhere('totp_last_step', '<', step))
        .update({ totp_last_step: step })
      if (Number(Array.isArray(claimed) ? claimed[0] : claimed) === 0) return false
      await twoFactor.resealIfLegacy(user, secret)
      return true
    }
    if (input.recoveryCode) {
      const spent = await RecoveryCode.query()
        .where('user_id', user.id)
        .where('code_hash', twoFactor.hashRecoveryCode(input.recoveryCode))
        .whereNull('used_at')
        .update({ used_at: DateTime.now().toSQL() })
      return Number(Array.isArray(spent) ? spent[0] : spent) > 0
    }
    return false
  }
}
