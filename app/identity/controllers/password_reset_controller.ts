import type { HttpContext } from '@adonisjs/core/http'
import limiter from '@adonisjs/limiter/services/main'
import { forgotPasswordValidator, resetPasswordValidator } from '#identity/validators/auth'
import RequestPasswordReset from '#identity/actions/request_password_reset'
import ResetPassword from '#identity/actions/reset_password'
import { GoneError, UserFacingError } from '#core/errors'
import { rateLimitKey } from '#core/rate_limit_keys'

export default class PasswordResetController {
  showRequest({ inertia }: HttpContext) {
    return inertia.render('auth/forgot_password', {})
  }

  async sendLink({ request, response, session }: HttpContext) {
    const { email } = await request.validateUsing(forgotPasswordValidator)
    const sent = await limiter
      .use({ requests: 5, duration: '15 mins' })
      .attempt(rateLimitKey('password_reset', request.ip()), async () => {
        await new RequestPasswordReset().handle(email)
        return true
      })
    if (!sent) {
      throw new UserFacingError('Too many reset requests from here. Try again in 15 minutes.', 'email', { status: 429 })
    }
    session.flash('success', 'If an account exists for that address, we sent a link to reset its password.')
    return response.redirect().back()
  }

  show({ inertia, request }: HttpContext) {
    if (!request.hasValidSignature('password_reset.show')) {
      throw new GoneError('This password reset link is invalid or has expired. Ask for a new one.')
    }
    return inertia.render('auth/reset_password', { token: String(request.param('token')) })
  }

  async reset({ request, response, session }: HttpContext) {
    const { token, password } = await request.validateUsing(resetPasswordValidator)
    await new ResetPassword().handle(token, password)
    session.flash('success', 'Your password was changed. Sign in with the new one.')
    return response.redirect('/login')
  }
}
