import type { HttpContext } from '@adonisjs/core/http'
import WorkspacePolicy from '#identity/policies/workspace_policy'
import { inviteMemberValidator } from '#identity/validators/workspaces'
import InviteMember from '#identity/actions/invite_member'
import RevokeInvitation from '#identity/actions/revoke_invitation'
import AcceptInvitation from '#identity/actions/accept_invitation'
import { findPendingInvitation } from '#identity/actions/find_pending_invitation'
import User from '#identity/models/user'

export default class InvitationsController {
  async store({ request, response, workspace, membership, bouncer, auth, session }: HttpContext) {
    const input = await request.validateUsing(inviteMemberValidator)
    await bouncer.with(WorkspacePolicy).authorize('invite', membership!, input.role)
    const invitation = await new InviteMember().handle(workspace!, auth.getUserOrFail(), input)
    session.flash('success', `Invitation sent to ${invitation.email}.`)
    return response.redirect().back()
  }

  async destroy({ response, params, workspace, membership, bouncer, session }: HttpContext) {
    await bouncer.with(WorkspacePolicy).authorize('manageInvitations', membership!)
    const invitation = await new RevokeInvitation().handle(workspace!, params.id)
    session.flash('success', `The invitation to ${invitation.email} was revoked.`)
    return response.redirect().back()
  }

  /** Public landing page of an invitation link. */
  async show({ inertia, params, auth }: HttpContext) {
    const invitation = await findPendingInvitation(params.token)
    const hasAccount = Boolean(await User.findByEmail(invitation.email))
    return inertia.render('invitations/show', {
      token: String(params.token),
      workspaceName: invitation.workspace.name,
      email: invitation.email,
      role: invitation.role,
      hasAccount,
      signedInAs: auth.user?.email ?? null,
    })
  }

  async accept({ params, response, auth, session }: HttpContext) {
    const workspace = await new AcceptInvitation().handle(params.token, auth.getUserOrFail())
    session.flash('success', `Welcome to ${workspace.name}.`)
    return response.redirect(`/w/${workspace.slug}`)
  }
}
