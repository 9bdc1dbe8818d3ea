import type { HttpContext } from '@adonisjs/core/http'
import limiter from '@adonisjs/limiter/services/main'
import VerifyEmail from '#identity/actions/verify_email'
import SendEmailVerification from '#identity/actions/send_email_verification'
import { GoneError, UserFacingError } from '#core/errors'
import { rateLimitKey } from '#core/rate_limit_keys'

export default class EmailVerificationController {
  notice({ inertia, auth, response }: HttpContext) {
    const user = auth.getUserOrFail()
    if (user.isVerified) return response.redirect('/app')
    return inertia.render('auth/verify_email', { email: user.email })
  }

  async verify({ request, response, session, auth }: HttpContext) {
    if (!request.hasValidSignature('email_verification.verify')) {
      throw new GoneError('This confirmation link is invalid or has expired. Sign in to get a new one.')
    }
    const user = await new VerifyEmail().handle(request.param('token'))
    session.flash('success', 'Your email address is confirmed.')
    if (auth.user && auth.user.id !== user.id) return response.redirect('/app')
    if (!auth.user) return response.redirect('/login')
    return response.redirect('/app')
  }

  async resend({ auth, response, session }: HttpContext) {
    const user = auth.getUserOrFail()
    const sent = await limiter
      .use({ requests: 3, duration: '15 mins' })
      .attempt(rateLimitKey('verify_resend', user.id), async () => {
        await new SendEmailVerification().handle(user)
        return true
      })
    if (!sent) {
      throw new UserFacingError('You asked for several emails already. Wait a few minutes and check your spam folder.', undefined, {
        status: 429,
      })
    }
    session.flash('success', 'We sent a new confirmation link.')
    return response.redirect().back()
  }
}
