/**
 * Governance's own retention target: audit-log entries past the security-log
 * period. The append-only trigger lets deletes through only when the purge
 * flag is set for the transaction; the oldest entries go first, so the chain
 * keeps verifying from the oldest retained entry.
 */
import db from '@adonisjs/lucid/services/db'
import { registerRetentionTarget } from '#core/retention_targets'

registerRetentionTarget({
  key: 'governance.audit_entries',
  rule: 'security_log',
  noun: 'audit-log entries',
  action: 'delete',
  async count(scope) {
    const result = await db.from('audit_entries').where('workspace_id', scope.workspaceId).where('occurred_at', '<', scope.cutoff).count('* as n')
    return Number(result[0].n)
  },
  async processBatch(trx, scope, limit) {
    await trx.rawQuery("SELECT set_config('vaultdesk.audit_purge', 'on', true)")
    const result = await trx.rawQuery(
      `DELETE FROM audit_entries WHERE id IN (
         SELECT id FROM audit_entries WHERE workspace_id = ? AND occurred_at < ? ORDER BY sequence LIMIT ?
       )`,
      [scope.workspaceId, scope.cutoff, limit]
    )
    await trx.rawQuery("SELECT set_config('vaultdesk.audit_purge', 'off', true)")
    return { processed: result.rowCount ?? 0 }
  },
})
