import type { HttpContext } from '@adonisjs/core/http'
import GovernancePolicy from '#governance/policies/governance_policy'
import RetentionRun from '#governance/models/retention_run'
import LegalHold from '#governance/models/legal_hold'
import WorkspaceClosure from '#governance/models/workspace_closure'
import PreviewRetention from '#governance/actions/preview_retention'
import jobs from '#core/jobs'
import { RETENTION_RUN_JOB } from '#governance/jobs/retention_jobs'
import SaveRetentionRule from '#governance/actions/save_retention_rule'
import PlaceLegalHold from '#governance/actions/place_legal_hold'
import ReleaseLegalHold from '#governance/actions/release_legal_hold'
import CloseWorkspace from '#governance/actions/close_workspace'
import RestoreWorkspace from '#governance/actions/restore_workspace'
import { effectiveRules } from '#governance/services/effective_rules'
import { holdDto, ruleDto, runDto } from '#governance/presenters/governance'
import { legalHoldValidator, releaseHoldValidator, retentionRuleValidator } from '#governance/validators/governance'
import { done, workspaceContext } from '#governance/controllers/context'
import db from '@adonisjs/lucid/services/db'

/** Retention rules, dry-run preview, run history, legal holds and workspace closure. */
export default class RetentionController {
  async show(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    const policy = ctx.bouncer.with(GovernancePolicy)
    await policy.authorize('viewRetention', membership)
    const [rules, preview, runs, holds, closure] = await Promise.all([
      effectiveRules(workspace.id),
      new PreviewRetention().handle(workspace.id),
      RetentionRun.query().where('workspace_id', workspace.id).orderBy('started_at', 'desc').limit(20),
      LegalHold.query().where('workspace_id', workspace.id).orderBy('placed_at', 'desc').limit(100),
      WorkspaceClosure.query().where('workspace_id', workspace.id).whereNull('restored_at').whereNull('purged_at').first(),
    ])
    const ticketNumbers = new Map(
      ((await db.from('tickets').where('workspace_id', workspace.id).whereIn('id', holds.filter((hold) => hold.scope === 'ticket').map((hold) => hold.targetId!)).select('id', 'number')) as { id: string; number: number }[]).map(
        (ticket) => [ticket.id, ticket.number]
      )
    )
    const targetLabel = (hold: LegalHold) =>
      hold.scope === 'workspace' ? 'Whole workspace' : hold.scope === 'ticket' ? `Ticket #${ticketNumbers.get(hold.targetId!) ?? '?'}` : `Contact ${hold.targetId}`
    return ctx.inertia.render('governance/retention', {
      rules: rules.map(ruleDto),
      preview: { items: preview.items, summary: preview.summary },
      runs: runs.map(runDto),
      holds: holds.map((hold) => holdDto(hold, targetLabel(hold))),
      closure: closure ? { closedAt: closure.closedAt.toISO()!, purgeAfter: closure.purgeAfter.toISO()! } : null,
      can: {
        manage: await policy.allows('manageRetention', membership),
        holds: await policy.allows('manageLegalHolds', membership),
      },
    })
  }

  async saveRule(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    await ctx.bouncer.with(GovernancePolicy).authorize('manageRetention', membership)
    const input = await ctx.request.validateUsing(retentionRuleValidator)
    await new SaveRetentionRule().handle({ workspaceId: workspace.id, ...input, actorUserId: user.id })
    return done(ctx, 'Retention rule saved.')
  }

  async runNow(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(GovernancePolicy).authorize('manageRetention', membership)
    // Queued like the nightly run (a big workspace takes minutes); it resumes an interrupted run if there is one.
    await jobs.dispatch(RETENTION_RUN_JOB, { workspaceId: workspace.id, trigger: 'manual' })
    return done(ctx, 'Retention run started: its counts appear under Runs when it finishes.')
  }

  async placeHold(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    await ctx.bouncer.with(GovernancePolicy).authorize('manageLegalHolds', membership)
    const input = await ctx.request.validateUsing(legalHoldValidator)
    const hold = await new PlaceLegalHold().handle({ workspaceId: workspace.id, scope: input.scope, targetId: input.targetId ?? null, reason: input.reason, actorUserId: user.id })
    return done(ctx, 'Legal hold placed.', { id: hold.id })
  }

  async releaseHold(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    await ctx.bouncer.with(GovernancePolicy).authorize('manageLegalHolds', membership)
    const input = await ctx.request.validateUsing(releaseHoldValidator)
    await new ReleaseLegalHold().handle({ workspaceId: workspace.id, holdId: ctx.params.id, reason: input.reason, actorUserId: user.id })
    return done(ctx, 'Legal hold released.')
  }

  async close(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    await ctx.bouncer.with(GovernancePolicy).authorize('manageRetention', membership)
    const closure = await new CloseWorkspace().handle({ workspaceId: workspace.id, actorUserId: user.id })
    return done(ctx, `Workspace closed. It can be restored until ${closure.purgeAfter.toISODate()}, then it is deleted.`)
  }

  async restore(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    await ctx.bouncer.with(GovernancePolicy).authorize('manageRetention', membership)
    await new RestoreWorkspace().handle({ workspaceId: workspace.id, actorUserId: user.id })
    return done(ctx, 'Workspace restored.')
  }
}
