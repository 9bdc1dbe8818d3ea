import mail from '@adonisjs/mail/services/main'
import User from '#identity/models/user'
import { issueUserToken } from '#identity/actions/issue_user_token'
import { passwordResetMail } from '#identity/mails/index'
import { signedLink } from '#core/links'

/**
 * Mails a reset link when the address has an account. The caller shows the
 * same answer either way, so the form cannot be used to probe for accounts.
 */
export default class RequestPasswordReset {
  async handle(email: string) {
    const user = await User.findByEmail(email)
    if (!user) return
    const token = await issueUserToken(user, 'password_reset', { hours: 1 })
    await mail.send(passwordResetMail(user.email, signedLink('password_reset.show', { token }, '1h')))
  }
}
