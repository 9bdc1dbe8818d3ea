/**
 * Billing's retention target for governance's fixed 10-year rule `invoices`:
 * invoices issued, and payment records made, before the cutoff are deleted,
 * also for workspaces purged since (the records have no foreign key: they
 * outlive the workspace for the rule's 10 years).
 */
import db from '@adonisjs/lucid/services/db'
import { registerRetentionTarget, type RetentionScope } from '#core/retention_targets'

const TABLES = [
  { table: 'billing_invoices', time: 'issued_at' },
  { table: 'billing_payments', time: 'occurred_at' },
] as const

async function countExpired(scope: RetentionScope) {
  let total = 0
  for (const { table, time } of TABLES) {
    const result = await db.from(table).where('workspace_id', scope.workspaceId).where(time, '<', scope.cutoff).count('* as n')
    total += Number(result[0].n)
  }
  return total
}

registerRetentionTarget({
  key: 'billing.invoices',
  rule: 'invoices',
  noun: 'invoices and payment records',
  action: 'delete',
  count: countExpired,
  async processBatch(trx, scope, limit) {
    let processed = 0
    for (const { table, time } of TABLES) {
      if (processed >= limit) break
      const result = await trx.rawQuery(
        `DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE workspace_id = ? AND ${time} < ? ORDER BY ${time} LIMIT ?)`,
        [scope.workspaceId, scope.cutoff, limit - processed]
      )
      processed += result.rowCount ?? 0
    }
    return { processed }
  },
  async purgedWorkspaceIds() {
    const result = await db.rawQuery(
      TABLES.map(({ table }) => `SELECT DISTINCT workspace_id FROM ${table} WHERE NOT EXISTS (SELECT 1 FROM workspaces WHERE workspaces.id = ${table}.workspace_id)`).join(' UNION ')
    )
    return result.rows.map((row: { workspace_id: string }) => row.workspace_id)
  },
})
