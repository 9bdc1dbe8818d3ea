import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import GovernancePolicy from '#governance/policies/governance_policy'
import ListAuditEntries from '#governance/actions/list_audit_entries'
import { Membership } from '#identity/index'
import { paginationDto } from '#core/pagination'

const filtersValidator = vine.create({
  action: vine.string().trim().maxLength(64).regex(/^[a-z_.]+$/).optional(),
  actorId: vine.string().uuid().optional(),
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  page: vine.number().min(1).max(100000).optional(),
})

export default class AuditLogController {
  async index({ inertia, request, workspace, membership, bouncer }: HttpContext) {
    await bouncer.with(GovernancePolicy).authorize('viewAuditLog', membership!)
    const filters = await filtersValidator.validate(request.qs())
    const isoDate = (value?: Date) => (value ? value.toISOString().slice(0, 10) : null)
    const { entries, actorName } = await new ListAuditEntries().handle(workspace!.id, {
      action: filters.action ?? null,
      actorId: filters.actorId ?? null,
      from: isoDate(filters.from),
      to: isoDate(filters.to),
      page: filters.page ?? 1,
    })
    const members = await Membership.query().where('workspace_id', workspace!.id).preload('user')
    return inertia.render('governance/audit_log', {
      entries: entries.all().map((entry) => ({
        id: String(entry.id),
        sequence: Number(entry.sequence),
        occurredAt: entry.occurredAt.toISO()!,
        actor: actorName(entry.actorId),
        actorType: entry.actorType,
        action: entry.action,
        target: entry.targetType ? `${entry.targetType} ${entry.targetId ?? ''}`.trim() : '',
        details: Object.entries(entry.metadata)
          .map(([key, value]) => `${key}: ${value}`)
          .join(', '),
      })),
      pagination: paginationDto(entries),
      filters: {
        action: filters.action ?? '',
        actorId: filters.actorId ?? '',
        from: isoDate(filters.from) ?? '',
        to: isoDate(filters.to) ?? '',
      },
      actors: members.map((member) => ({ value: member.userId, label: member.user.fullName })),
    })
  }
}
