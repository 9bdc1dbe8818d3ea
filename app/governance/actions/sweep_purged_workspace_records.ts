import db from '@adonisjs/lucid/services/db'
import { retentionTargets } from '#core/retention_targets'
import { audit } from '#core/audit'
import { cutoffFor } from '#governance/services/effective_rules'
import { ruleDefinition } from '#governance/services/retention_catalog'
import { DEFAULT_BATCH_SIZE } from '#governance/actions/run_retention'

/**
 * Records a module keeps after their workspace was purged (invoices and
 * payments, kept for tax law) still expire: with no workspace left to run
 * its rules, the nightly sweep applies each rule's default period to them.
 * Purged workspaces have no legal holds (a held workspace is not purged).
 */
export default class SweepPurgedWorkspaceRecords {
  async handle(now = new Date()) {
    const deleted: Record<string, number> = {}
    for (const target of retentionTargets()) {
      if (!target.purgedWorkspaceIds) continue
      const rule = ruleDefinition(target.rule)
      if (!rule) continue
      const cutoff = cutoffFor(rule.defaultDays, now)
      for (const workspaceId of await target.purgedWorkspaceIds()) {
        const scope = { workspaceId, cutoff, heldContactIds: [], heldTicketIds: [] }
        for (;;) {
          const result = await db.transaction((trx) => target.processBatch(trx, scope, DEFAULT_BATCH_SIZE))
          await result.afterCommit?.()
          deleted[target.key] = (deleted[target.key] ?? 0) + result.processed
          if (result.processed < DEFAULT_BATCH_SIZE) break
        }
      }
    }
    const total = Object.values(deleted).reduce((sum, count) => sum + count, 0)
    if (total > 0) {
      await audit({ action: 'retention.purged_workspace_records_deleted', workspaceId: null, targetType: 'retention', targetId: null, actor: { type: 'system', id: null }, metadata: deleted })
    }
    return deleted
  }
}
