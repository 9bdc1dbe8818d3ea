/**
 * Usage per workspace and period. AI tokens and channels are counters that
 * the modules report through `recordUsage` (app/core/plan_limits.ts); seats
 * are counted live: members plus pending invitations.
 */
import db from '@adonisjs/lucid/services/db'
import type { LimitedResource } from '#core/plan_limits'
import { periodOf } from '#billing/services/periods'

export const usage = {
  async add(workspaceId: string, resource: LimitedResource, amount: number) {
    if (resource === 'seats' || !Number.isFinite(amount) || amount === 0) return
    await db.rawQuery(
      `INSERT INTO billing_usage_counters (workspace_id, resource, period, used, updated_at)
       VALUES (?, ?, ?, GREATEST(?, 0), now())
       ON CONFLICT (workspace_id, resource, period)
       DO UPDATE SET used = GREATEST(billing_usage_counters.used + ?, 0), updated_at = now()`,
      [workspaceId, resource, periodOf(resource), Math.trunc(amount), Math.trunc(amount)]
    )
  },

  async used(workspaceId: string, resource: LimitedResource): Promise<number> {
    if (resource === 'seats') return this.seats(workspaceId)
    const row = await db
      .from('billing_usage_counters')
      .where('workspace_id', workspaceId)
      .where('resource', resource)
      .where('period', periodOf(resource))
      .select('used')
      .first()
    return row ? Number(row.used) : 0
  },

  /** Members plus pending invitations (read-only look at identity's tables: a seat is taken once invited). */
  async seats(workspaceId: string): Promise<number> {
    const [members, invitations] = await Promise.all([
      db.from('memberships').where('workspace_id', workspaceId).count('* as total').first(),
      db
        .from('invitations')
        .where('workspace_id', workspaceId)
        .whereNull('accepted_at')
        .whereNull('revoked_at')
        .where('expires_at', '>', new Date())
        .count('* as total')
        .first(),
    ])
    return Number(members?.total ?? 0) + Number(invitations?.total ?? 0)
  },
}
