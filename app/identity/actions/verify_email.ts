import { DateTime } from 'luxon'
import User from '#identity/models/user'
import { consumeUserToken } from '#identity/actions/issue_user_token'
import { audit } from '#core/audit'

/** Confirms the address behind a verification token (single use). */
export default class VerifyEmail {
  async handle(token: unknown) {
    const record = await consumeUserToken(token, 'email_verification')
    const user = await User.findOrFail(record.userId)
    if (!user.emailVerifiedAt) {
      user.emailVerifiedAt = DateTime.now()
      await user.save()
      await audit({ action: 'account.email_verified', workspaceId: null, targetType: 'user', targetId: user.id, actor: { type: 'user', id: user.id } })
    }
    return user
  }
}
