import type { HttpContext } from '@adonisjs/core/http'
import { Membership, User } from '#identity/index'
import PrivacyPolicy from '#privacy/policies/privacy_policy'
import type { Desk } from '#privacy/services/desk'

export interface DeskContext {
  desk: Desk
  /** Where the desk's pages live. */
  base: string
  timezone: string
  /** People who may work the desk (assignees), id → name. */
  staff: Map<string, string>
}

/**
 * The desk a staff route works on: the workspace's (owners and privacy
 * staff; others 403) or, under /operator, the platform's (operators only,
 * checked by the operator middleware).
 */
export async function deskContext(ctx: HttpContext): Promise<DeskContext> {
  if (ctx.workspace) {
    await ctx.bouncer.with(PrivacyPolicy).authorize('work', ctx.membership!)
    const workspace = ctx.workspace
    const members = await Membership.query().where('workspace_id', workspace.id).whereIn('role', ['owner', 'privacy']).preload('user')
    return {
      desk: { workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug, timezone: workspace.timezone } },
      base: `/w/${workspace.slug}/privacy/requests`,
      timezone: workspace.timezone || 'UTC',
      staff: new Map(members.map((member) => [member.userId, member.user.fullName])),
    }
  }
  const operators = await User.query().where('is_operator', true).select('id', 'full_name')
  return {
    desk: { workspace: null },
    base: '/operator/privacy-requests',
    timezone: 'UTC',
    staff: new Map(operators.map((operator) => [operator.id, operator.fullName])),
  }
}
