import type { HttpContext } from '@adonisjs/core/http'
import { createWorkspaceValidator, updateWorkspaceValidator } from '#identity/validators/workspaces'
import CreateWorkspace from '#identity/actions/create_workspace'
import UpdateWorkspace from '#identity/actions/update_workspace'
import Membership from '#identity/models/membership'
import Invitation from '#identity/models/invitation'
import WorkspacePolicy from '#identity/policies/workspace_policy'

export default class WorkspacesController {
  /** `/app`: the last workspace used, else the first, else the create page. */
  async home({ auth, response, session }: HttpContext) {
    const user = auth.getUserOrFail()
    // A message flashed by whoever sent the user here must survive this hop.
    session.reflash()
    // Platform operators work from the console; they see workspaces only under a support grant.
    if (user.isOperator) return response.redirect('/operator')
    const memberships = await Membership.query().where('user_id', user.id).preload('workspace').orderBy('created_at')
    const last = memberships.find((membership) => membership.workspaceId === user.lastWorkspaceId) ?? memberships[0]
    if (!last) return response.redirect('/workspaces/new')
    return response.redirect(`/w/${last.workspace.slug}`)
  }

  create({ inertia }: HttpContext) {
    return inertia.render('workspaces/new', { timezones: Intl.supportedValuesOf('timeZone') })
  }

  async store({ request, response, auth, session }: HttpContext) {
    const input = await request.validateUsing(createWorkspaceValidator)
    const workspace = await new CreateWorkspace().handle(auth.getUserOrFail(), input)
    session.flash('success', `Workspace ${workspace.name} is ready.`)
    return response.redirect(`/w/${workspace.slug}`)
  }

  async dashboard({ inertia, workspace, membership }: HttpContext) {
    const memberCount = await Membership.query().where('workspace_id', workspace!.id).count('* as total')
    const pendingInvitations = await Invitation.query()
      .withScopes((scopes) => scopes.forWorkspace(workspace!))
      .whereNull('accepted_at')
      .whereNull('revoked_at')
      .where('expires_at', '>', new Date())
      .count('* as total')
    return inertia.render('workspaces/dashboard', {
      workspace: { name: workspace!.name, slug: workspace!.slug, timezone: workspace!.timezone },
      role: membership!.role,
      stats: {
        members: Number(memberCount[0].$extras.total),
        pendingInvitations: Number(pendingInvitations[0].$extras.total),
      },
    })
  }

  async settings({ inertia, workspace, bouncer, membership }: HttpContext) {
    await bouncer.with(WorkspacePolicy).authorize('updateSettings', membership!)
    return inertia.render('workspaces/settings', {
      workspace: { name: workspace!.name, slug: workspace!.slug, timezone: workspace!.timezone },
      timezones: Intl.supportedValuesOf('timeZone'),
    })
  }

  async update({ request, response, workspace, bouncer, membership, session }: HttpContext) {
    await bouncer.with(WorkspacePolicy).authorize('updateSettings', membership!)
    const input = await request.validateUsing(updateWorkspaceValidator)
    await new UpdateWorkspace().handle(workspace!, input)
    session.flash('success', 'Workspace settings saved.')
    return response.redirect().back()
  }
}
