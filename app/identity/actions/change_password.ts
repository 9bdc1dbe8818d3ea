import hash from '@adonisjs/core/services/hash'
import type User from '#identity/models/user'
import { UserFacingError } from '#core/errors'
import { audit } from '#core/audit'

/** Changes the password after re-checking the current one. */
export default class ChangePassword {
  async handle(user: User, currentPassword: string, newPassword: string) {
    if (!(await hash.verify(user.password, currentPassword))) {
      throw new UserFacingError('The current password is incorrect.', 'currentPassword')
    }
    user.password = newPassword
    await user.save()
    await audit({ action: 'account.password_changed', workspaceId: null, targetType: 'user', targetId: user.id })
  }
}
