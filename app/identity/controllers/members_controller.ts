import type { HttpContext } from '@adonisjs/core/http'
import Membership from '#identity/models/membership'
import Invitation from '#identity/models/invitation'
import WorkspacePolicy from '#identity/policies/workspace_policy'
import { changeRoleValidator } from '#identity/validators/workspaces'
import ChangeMemberRole from '#identity/actions/change_member_role'
import RemoveMember from '#identity/actions/remove_member'
import { findMember } from '#identity/actions/find_member'
import { paginationDto } from '#core/pagination'

export default class MembersController {
  async index({ inertia, request, workspace, membership, bouncer }: HttpContext) {
    await bouncer.with(WorkspacePolicy).authorize('viewMembers', membership!)
    const page = Math.max(1, Number.parseInt(request.input('page', '1'), 10) || 1)
    const members = await Membership.query()
      .where('memberships.workspace_id', workspace!.id)
      .join('users', 'users.id', 'memberships.user_id')
      .select('memberships.*')
      .preload('user')
      .orderBy('users.full_name')
      .paginate(page, 20)
    const canManage = membership!.canManageWorkspace
    const invitations = canManage
      ? await Invitation.query()
          .withScopes((scopes) => scopes.forWorkspace(workspace!))
          .whereNull('accepted_at')
          .whereNull('revoked_at')
          .where('expires_at', '>', new Date())
          .preload('invitedBy')
          .orderBy('created_at', 'desc')
      : []
    return inertia.render('members/index', {
      members: members.all().map((member) => ({
        id: member.id,
        fullName: member.user.fullName,
        email: member.user.email,
        role: member.role,
        isYou: member.userId === membership!.userId,
        joinedAt: member.createdAt.toISODate()!,
      })),
      pagination: paginationDto(members),
      invitations: invitations.map((invitation) => ({
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        invitedBy: invitation.invitedBy?.fullName ?? null,
        expiresAt: invitation.expiresAt.toISO()!,
      })),
      canManage,
      yourRole: membership!.role,
    })
  }

  async update({ request, response, params, workspace, membership, bouncer, session }: HttpContext) {
    const target = await findMember(workspace!, params.id)
    const { role } = await request.validateUsing(changeRoleValidator)
    await bouncer.with(WorkspacePolicy).authorize('changeRole', membership!, target, role)
    await new ChangeMemberRole().handle(target, role)
    session.flash('success', `${target.user.fullName} is now ${role}.`)
    return response.redirect().back()
  }

  async destroy({ response, params, workspace, membership, bouncer, session, auth }: HttpContext) {
    const target = await findMember(workspace!, params.id)
    await bouncer.with(WorkspacePolicy).authorize('removeMember', membership!, target)
    await new RemoveMember().handle(target)
    if (target.userId === auth.user!.id) {
      session.flash('success', `You left ${workspace!.name}.`)
      return response.redirect('/app')
    }
    session.flash('success', `${target.user.fullName} was removed from the workspace.`)
    return response.redirect().back()
  }
}
