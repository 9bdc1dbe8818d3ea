import mail from '@adonisjs/mail/services/main'
import type User from '#identity/models/user'
import { issueUserToken } from '#identity/actions/issue_user_token'
import { verifyEmailMail } from '#identity/mails/index'
import { signedLink } from '#core/links'

/** Mails a signed, expiring (24 h), single-use confirmation link. */
export default class SendEmailVerification {
  async handle(user: User) {
    if (user.isVerified) return
    const token = await issueUserToken(user, 'email_verification', { hours: 24 })
    const url = signedLink('email_verification.verify', { token }, '24h')
    await mail.send(verifyEmailMail(user.email, user.fullName, url))
  }
}
