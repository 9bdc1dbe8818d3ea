import limiter from '@adonisjs/limiter/services/main'
import { errors as authErrors } from '@adonisjs/auth'
import User from '#identity/models/user'
import { UserFacingError } from '#core/errors'
import { rateLimitKey } from '#core/rate_limit_keys'
import { audit } from '#core/audit'

/** Five wrong passwords per address and IP, then a 15-minute block. */
export const loginLimiter = () => limiter.use({ requests: 5, duration: '1 min', blockDuration: '15 mins' })

export function throttledMessage(availableInSeconds: number) {
  const minutes = Math.max(1, Math.ceil(availableInSeconds / 60))
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
}

/** Checks credentials under the login rate limit; returns the user on success. */
export default class AttemptLogin {
  async handle(email: string, password: string, ip: string) {
    const key = rateLimitKey('login', User.normalizeEmail(email), ip)
    let result: Awaited<ReturnType<ReturnType<typeof loginLimiter>['penalize']>>
    try {
      result = await loginLimiter().penalize(key, () => User.verifyCredentials(User.normalizeEmail(email), password))
    } catch (error) {
      if (error instanceof authErrors.E_INVALID_CREDENTIALS) {
        const known = await User.findByEmail(email)
        await audit({ action: 'auth.login_failed', workspaceId: null, targetType: 'user', targetId: known?.id ?? null, actor: { type: 'system', id: null } })
        throw new UserFacingError('The email or password is incorrect.', 'email', { status: 400 })
      }
      throw error
    }
    const [throttled, user] = result
    if (throttled) {
      await audit({ action: 'auth.login_throttled', workspaceId: null, actor: { type: 'system', id: null } })
      throw new UserFacingError(throttledMessage(throttled.response.availableIn), 'email', {
        status: 429,
        code: 'E_TOO_MANY_REQUESTS',
      })
    }
    return user as User
  }
}
