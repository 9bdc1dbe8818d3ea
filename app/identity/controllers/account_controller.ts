import type { HttpContext } from '@adonisjs/core/http'
import { changePasswordValidator, profileValidator } from '#identity/validators/auth'
import UpdateProfile from '#identity/actions/update_profile'
import ChangePassword from '#identity/actions/change_password'

export default class AccountController {
  profile({ inertia, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    return inertia.render('account/profile', {
      profile: { fullName: user.fullName, email: user.email, createdAt: user.createdAt.toISODate()! },
    })
  }

  async updateProfile({ request, response, auth, session }: HttpContext) {
    const input = await request.validateUsing(profileValidator)
    await new UpdateProfile().handle(auth.getUserOrFail(), input)
    session.flash('success', 'Profile saved.')
    return response.redirect().back()
  }

  async updatePassword({ request, response, auth, session }: HttpContext) {
    const input = await request.validateUsing(changePasswordValidator)
    await new ChangePassword().handle(auth.getUserOrFail(), input.currentPassword, input.password)
    session.flash('success', 'Password changed.')
    return response.redirect().back()
  }
}
