import { DateTime } from 'luxon'
import AuditEntry from '#governance/models/audit_entry'
import { User } from '#identity/index'

export interface AuditFilters {
  action?: string | null
  actorId?: string | null
  from?: string | null
  to?: string | null
  page: number
}

/** One page of a workspace's audit log, newest first, with actor names resolved. */
export default class ListAuditEntries {
  async handle(workspaceId: string, filters: AuditFilters) {
    const entries = await AuditEntry.query()
      .where('workspace_id', workspaceId)
      .if(filters.action, (query) => query.where('action', 'like', `${filters.action}%`))
      .if(filters.actorId, (query) => query.where('actor_id', filters.actorId!))
      .if(filters.from, (query) => query.where('occurred_at', '>=', DateTime.fromISO(filters.from!).startOf('day').toSQL()!))
      .if(filters.to, (query) => query.where('occurred_at', '<', DateTime.fromISO(filters.to!).plus({ days: 1 }).startOf('day').toSQL()!))
      .orderBy('sequence', 'desc')
      .paginate(filters.page, 25)
    const actorIds = [...new Set(entries.all().map((entry) => entry.actorId).filter(Boolean))] as string[]
    const actors = actorIds.length ? await User.query().whereIn('id', actorIds) : []
    const names = new Map(actors.map((actor) => [actor.id, actor.fullName]))
    return { entries, actorName: (id: string | null) => (id ? names.get(id) ?? 'Former member' : 'System') }
  }
}
