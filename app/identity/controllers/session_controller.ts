import type { HttpContext } from '@adonisjs/core/http'
import { loginValidator } from '#identity/validators/auth'
import AttemptLogin from '#identity/actions/attempt_login'
import { TWO_FACTOR_PENDING_KEY } from '#identity/controllers/two_factor_challenge_controller'

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
      return response.redirect().toRoute('two_factor.challenge')
    }
    await auth.use('web').login(user)
    return response.redirect(next ?? '/app')
  }

  async destroy({ auth, response, session }: HttpContext) {
    await auth.use('web').logout()
    session.flash('success', 'You are signed out.')
    return response.redirect('/login')
  }
}

/** Only same-site paths may be used as the post-login destination. */
export function safeNext(value: unknown) {
  return typeof value === 'string' && /^\/(?!\/)[\w\-./?=&%]*$/.test(value) ? value : null
}
