import db from '@adonisjs/lucid/services/db'
import User from '#identity/models/user'
import { UserFacingError } from '#core/errors'
import SendEmailVerification from '#identity/actions/send_email_verification'
import { audit } from '#core/audit'

export interface SignUpInput {
  fullName: string
  email: string
  password: string
}

/** Creates an unverified account and mails the verification link. */
export default class SignUpUser {
  async handle(input: SignUpInput) {
    const email = User.normalizeEmail(input.email)
    if (await User.findByEmail(email)) {
      throw new UserFacingError('An account with this email already exists. Sign in or reset your password.', 'email')
    }
    const user = await db.transaction(async (trx) => {
      return User.create({ fullName: input.fullName.trim(), email, password: input.password }, { client: trx })
    })
    await audit({ action: 'account.created', workspaceId: null, targetType: 'user', targetId: user.id, actor: { type: 'user', id: user.id } })
    await new SendEmailVerification().handle(user)
    return user
  }
}
