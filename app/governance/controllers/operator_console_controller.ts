import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit'
import { RecordNotFoundException, isUuid } from '#core/tenancy'
import { Workspace } from '#identity/index'
import { ListTickets, settingsOf, ticketListItemDto } from '#helpdesk/index'
import Subprocessor from '#governance/models/subprocessor'
import SubprocessorObjection from '#governance/models/subprocessor_objection'
import SupportGrant from '#governance/models/support_grant'
import AnnounceSubprocessor from '#governance/actions/announce_subprocessor'
import RetireSubprocessor from '#governance/actions/retire_subprocessor'
import AnnouncePolicyVersion from '#governance/actions/announce_policy_version'
import { activeGrant } from '#governance/services/support_access'
import { policyVersionsWithStatus } from '#governance/services/policy_versions'
import { grantDto, subprocessorDto } from '#governance/presenters/governance'
import { policyVersionValidator, subprocessorValidator } from '#governance/validators/governance'
import { wantsJson } from '#governance/controllers/context'

/**
 * The operator console (platform operators only, by route group): the
 * subprocessor registry with owners' objections, policy versions, and
 * support sessions. A workspace is visible only under an owner's active
 * grant, read-only, and every look is written to that workspace's audit log.
 */
export default class OperatorConsoleController {
  async index({ inertia }: HttpContext) {
    const upcoming = await Subprocessor.query().where('effective_at', '>', new Date()).whereNull('retired_at').count('* as n')
    const grants = await SupportGrant.query().whereNull('revoked_at').where('expires_at', '>', new Date()).count('* as n')
    return inertia.render('operator/index', { upcomingSubprocessors: Number(upcoming[0].$extras.n), activeGrants: Number(grants[0].$extras.n) })
  }

  async subprocessors({ inertia }: HttpContext) {
    const subprocessors = await Subprocessor.query().orderBy('effective_at', 'desc')
    const objections = await SubprocessorObjection.query().orderBy('created_at', 'desc')
    const workspaces = new Map(
      ((await db.from('workspaces').whereIn('id', [...new Set(objections.map((objection) => objection.workspaceId))]).select('id', 'name')) as { id: string; name: string }[]).map((row) => [row.id, row.name])
    )
    return inertia.render('operator/subprocessors', {
      subprocessors: subprocessors.map((subprocessor) => ({
        ...subprocessorDto(subprocessor),
        objections: objections
          .filter((objection) => objection.subprocessorId === subprocessor.id)
          .map((objection) => ({ id: objection.id, workspace: workspaces.get(objection.workspaceId) ?? 'Deleted workspace', reason: objection.reason, createdAt: objection.createdAt.toISO()! })),
      })),
    })
  }

  async storeSubprocessor(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(subprocessorValidator)
    const subprocessor = await new AnnounceSubprocessor().handle({ ...input, processesWorkspaceData: input.processesWorkspaceData ?? true }, ctx.auth.getUserOrFail().id)
    return this.#done(ctx, `${subprocessor.name} announced; it takes effect on ${subprocessor.effectiveAt.toISODate()}.`, { id: subprocessor.id })
  }

  async retireSubprocessor(ctx: HttpContext) {
    const subprocessor = await new RetireSubprocessor().handle(ctx.params.id, ctx.auth.getUserOrFail().id)
    return this.#done(ctx, `${subprocessor.name} retired.`)
  }

  async policies({ inertia }: HttpContext) {
    return inertia.render('operator/policies', { versions: await policyVersionsWithStatus(), earliest: DateTime.now().plus({ days: 30 }).toISODate() })
  }

  async storePolicy(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(policyVersionValidator)
    const version = await new AnnouncePolicyVersion().handle({ ...input, effectiveAt: DateTime.fromJSDate(input.effectiveAt) }, ctx.auth.getUserOrFail().id)
    return this.#done(ctx, `Version ${version.version} announced to owners; effective ${version.effectiveAt.toISODate()}.`, { id: version.id })
  }

  async support({ inertia }: HttpContext) {
    const grants = await SupportGrant.query().whereNull('revoked_at').where('expires_at', '>', new Date()).orderBy('expires_at')
    const names = new Map(
      ((await db.from('workspaces').whereIn('id', grants.map((grant) => grant.workspaceId)).select('id', 'name')) as { id: string; name: string }[]).map((row) => [row.id, row.name])
    )
    return inertia.render('operator/support', { grants: grants.map((grant) => ({ ...grantDto(grant), workspaceId: grant.workspaceId, workspace: names.get(grant.workspaceId) ?? '' })) })
  }

  /** Read-only view of a workspace under an active grant; 404 otherwise, exactly like an unknown id. */
  async workspace(ctx: HttpContext) {
    const operator = ctx.auth.getUserOrFail()
    const workspaceId = ctx.params.id
    const grant = isUuid(workspaceId) ? await activeGrant(workspaceId) : null
    if (!grant) throw new RecordNotFoundException('Workspace not found')
    const workspace = await Workspace.findOrFail(workspaceId)
    const tickets = await new ListTickets().handle(workspace.id, { status: 'all' }, { viewerUserId: operator.id, perPage: 50 })
    const settings = await settingsOf(workspace.id)
    await audit({ action: 'operator.workspace_viewed', workspaceId: workspace.id, targetType: 'workspace', targetId: workspace.id, actor: { type: 'operator', id: operator.id }, metadata: { grantId: grant.id } })
    return ctx.inertia.render('operator/workspace', {
      workspace: { id: workspace.id, name: workspace.name, timezone: workspace.timezone },
      grant: grantDto(grant),
      tickets: tickets.all().map(ticketListItemDto),
      settings: { csatEnabled: settings.csatEnabled, csatLinkDays: settings.csatLinkDays },
    })
  }

  #done(ctx: HttpContext, message: string, data: Record<string, unknown> = {}) {
    if (wantsJson(ctx)) return ctx.response.ok({ message, ...data })
    ctx.session.flash('success', message)
    return ctx.response.redirect().back()
  }
}
