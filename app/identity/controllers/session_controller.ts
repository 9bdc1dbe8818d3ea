import type { HttpContext } from '@adonisjs/core/http'
import { loginValidator } from '#identity/validators/auth'
import AttemptLogin from '#identity/actions/attempt_login'
import { TWO_FACTOR_PENDING_KEY } from '#identity/controllers/two_factor_challenge_controller'
import LogInUser from '#identity/actions/log_in_user'
import { audit } from '#core/audit'

export default class SessionController {
  show({ inertia, request }: HttpContext) {
    return inertia.render('auth/login', { next: safeNext(request.input('next')) })
  }

  async store({ request, response, session, auth }: HttpContext) {
    const { email, password } = await request.validateUsing(loginValidator)
    const user = await new AttemptLogin().handle(email, password, request.ip())
    const next = safeNext(request.input('next'))
    if (user.hasTwoFactor) {
      session.put(TWO_FACTOR_PENDING_KEY, { userId: user.id, at: Date.now(), next })
      return response.redirect('/login/two-factor')
    }
    await new LogInUser().handle(auth, user, 'password')
    return response.redirect(next ?? '/app')
  }

  async destroy({ auth, response, session }: HttpContext) {
    if (auth.user) await audit({ action: 'auth.logout', workspaceId: null, targetType: 'user', targetId: auth.user.id })
    await auth.use('web').logout()
    session.flash('success', 'You are signed out.')
    return response.redirect('/login')
  }
}

/** Only same-site paths may be used as the post-login destination. */
export function safeNext(value: unknown) {
  return typeof value === 'string' && /^\/(?!\/)[\w\-./?=&%]*$/.test(value) ? value : null
}
