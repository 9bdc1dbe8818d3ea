import type { HttpContext } from '@adonisjs/core/http'
import { twoFactorChallengeValidator } from '#identity/validators/auth'
import VerifyTwoFactorLogin from '#identity/actions/verify_two_factor_login'
import LogInUser from '#identity/actions/log_in_user'

export const TWO_FACTOR_PENDING_KEY = 'two_factor_pending'
const PENDING_FOR_MS = 5 * 60 * 1000

interface PendingLogin {
  userId: string
  at: number
  next: string | null
}

function pendingLogin(session: HttpContext['session']): PendingLogin | null {
  const pending = session.get(TWO_FACTOR_PENDING_KEY) as PendingLogin | undefined
  if (!pending || Date.now() - pending.at > PENDING_FOR_MS) return null
  return pending
}

export default class TwoFactorChallengeController {
  show({ inertia, session, response }: HttpContext) {
    if (!pendingLogin(session)) return response.redirect('/login')
    return inertia.render('auth/two_factor_challenge', {})
  }

  async store({ request, response, session, auth }: HttpContext) {
    const pending = pendingLogin(session)
    if (!pending) {
      session.flash('error', 'Your sign-in took too long. Enter your email and password again.')
      return response.redirect('/login')
    }
    const input = await request.validateUsing(twoFactorChallengeValidator)
    const user = await new VerifyTwoFactorLogin().handle(pending.userId, input)
    session.forget(TWO_FACTOR_PENDING_KEY)
    await new LogInUser().handle(auth, user, 'two_factor')
    return response.redirect(pending.next ?? '/app')
  }
}
