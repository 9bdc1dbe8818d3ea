import type { HttpContext } from '@adonisjs/core/http'
import GovernancePolicy from '#governance/policies/governance_policy'
import SupportGrant from '#governance/models/support_grant'
import AuditEntry from '#governance/models/audit_entry'
import GrantSupportAccess, { MAX_GRANT_HOURS, MIN_GRANT_HOURS } from '#governance/actions/grant_support_access'
import RevokeSupportAccess from '#governance/actions/revoke_support_access'
import { grantDto } from '#governance/presenters/governance'
import { supportGrantValidator } from '#governance/validators/governance'
import { done, workspaceContext } from '#governance/controllers/context'

/** The owner grants and revokes operator access and sees every operator action. */
export default class SupportAccessController {
  async show(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(GovernancePolicy).authorize('manageSupportAccess', membership)
    const grants = await SupportGrant.query().where('workspace_id', workspace.id).orderBy('created_at', 'desc').limit(50)
    const operatorActions = await AuditEntry.query().where('workspace_id', workspace.id).where('actor_type', 'operator').orderBy('sequence', 'desc').limit(200)
    return ctx.inertia.render('governance/support_access', {
      grants: grants.map(grantDto),
      operatorActions: operatorActions.map((entry) => ({
        id: String(entry.id),
        action: entry.action,
        target: entry.targetType ? `${entry.targetType} ${entry.targetId ?? ''}`.trim() : '',
        occurredAt: entry.occurredAt.toISO()!,
      })),
      limits: { min: MIN_GRANT_HOURS, max: MAX_GRANT_HOURS },
    })
  }

  async grant(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    await ctx.bouncer.with(GovernancePolicy).authorize('manageSupportAccess', membership)
    const { hours } = await ctx.request.validateUsing(supportGrantValidator)
    const grant = await new GrantSupportAccess().handle({ workspaceId: workspace.id, hours, actorUserId: user.id })
    return done(ctx, `Support access granted until ${grant.expiresAt.toFormat('d LLL yyyy HH:mm')}.`, { id: grant.id })
  }

  async revoke(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    await ctx.bouncer.with(GovernancePolicy).authorize('manageSupportAccess', membership)
    await new RevokeSupportAccess().handle({ workspaceId: workspace.id, grantId: ctx.params.id, actorUserId: user.id })
    return done(ctx, 'Support access revoked.')
  }
}
