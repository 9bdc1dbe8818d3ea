import type { HttpContext } from '@adonisjs/core/http'
import GovernancePolicy from '#governance/policies/governance_policy'
import Subprocessor from '#governance/models/subprocessor'
import SubprocessorObjection from '#governance/models/subprocessor_objection'
import SubprocessorSubscription from '#governance/models/subprocessor_subscription'
import ObjectToSubprocessor from '#governance/actions/object_to_subprocessor'
import ToggleNoticeSubscription from '#governance/actions/toggle_notice_subscription'
import { subprocessorDto } from '#governance/presenters/governance'
import { policyVersionsWithStatus } from '#governance/services/policy_versions'
import { objectionValidator, subscriptionValidator } from '#governance/validators/governance'
import { done, workspaceContext } from '#governance/controllers/context'

/** The owner's side of subprocessor notices: upcoming ones, objections, subscription, policy versions. */
export default class NoticesController {
  async show(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    const policy = ctx.bouncer.with(GovernancePolicy)
    await policy.authorize('viewNotices', membership)
    const subprocessors = await Subprocessor.query().whereNull('retired_at').orderBy('effective_at', 'desc')
    const objections = await SubprocessorObjection.query().where('workspace_id', workspace.id)
    const byProcessor = new Map(objections.map((objection) => [objection.subprocessorId, objection]))
    const subscribed = Boolean(await SubprocessorSubscription.query().where('workspace_id', workspace.id).where('user_id', user.id).first())
    return ctx.inertia.render('governance/notices', {
      subprocessors: subprocessors.map((subprocessor) => ({
        ...subprocessorDto(subprocessor),
        objection: byProcessor.get(subprocessor.id) ? { reason: byProcessor.get(subprocessor.id)!.reason, createdAt: byProcessor.get(subprocessor.id)!.createdAt.toISO()! } : null,
      })),
      policyVersions: await policyVersionsWithStatus(),
      subscribed: subscribed || membership.role === 'owner',
      ownerAlwaysNotified: membership.role === 'owner',
      canObject: await policy.allows('objectToSubprocessor', membership),
    })
  }

  async object(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    await ctx.bouncer.with(GovernancePolicy).authorize('objectToSubprocessor', membership)
    const { reason } = await ctx.request.validateUsing(objectionValidator)
    await new ObjectToSubprocessor().handle({ workspaceId: workspace.id, subprocessorId: ctx.params.id, reason, actorUserId: user.id })
    return done(ctx, 'Your objection was recorded and sent to the platform team.')
  }

  async subscribe(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    await ctx.bouncer.with(GovernancePolicy).authorize('viewNotices', membership)
    const { subscribe } = await ctx.request.validateUsing(subscriptionValidator)
    await new ToggleNoticeSubscription().handle({ workspaceId: workspace.id, userId: user.id, subscribe })
    return done(ctx, subscribe ? 'You will be emailed about subprocessor and policy changes.' : 'You will no longer be emailed about these changes.')
  }
}
