import type { HttpContext } from '@adonisjs/core/http'
import { signupValidator } from '#identity/validators/auth'
import SignUpUser from '#identity/actions/sign_up_user'
import AcceptInvitation from '#identity/actions/accept_invitation'
import { findPendingInvitation } from '#identity/actions/find_pending_invitation'
import LogInUser from '#identity/actions/log_in_user'

export default class SignupController {
  async show({ inertia, request }: HttpContext) {
    const token = request.input('invitation')
    const invitation = token ? await findPendingInvitation(token).catch(() => null) : null
    return inertia.render('auth/signup', {
      invitation: invitation
        ? { token: String(token), email: invitation.email, workspaceName: invitation.workspace.name }
        : null,
    })
  }

  async store({ request, response, auth, session }: HttpContext) {
    const input = await request.validateUsing(signupValidator)
    const user = await new SignUpUser().handle(input)
    await new LogInUser().handle(auth, user, 'signup')
    if (input.invitationToken) {
      const workspace = await new AcceptInvitation().handle(input.invitationToken, user)
      session.flash('success', `Welcome to ${workspace.name}.`)
      return response.redirect(`/w/${workspace.slug}`)
    }
    return response.redirect('/verify-email')
  }
}
