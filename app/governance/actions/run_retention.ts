import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { retentionTargets, type RetentionTarget } from '#core/retention_targets'
import { audit } from '#core/audit'
import RetentionRun from '#governance/models/retention_run'
import { activeHolds } from '#governance/services/legal_holds'
import { cutoffFor, effectiveRules } from '#governance/services/effective_rules'

export interface RunRetentionOptions {
  trigger?: 'schedule' | 'manual'
  batchSize?: number
  /** Called after each committed batch (tests use it to crash mid-run). */
  afterBatch?: (target: string, processed: number) => Promise<void> | void
}

export const DEFAULT_BATCH_SIZE = 2000

/**
 * Carries out a workspace's retention rules. Each batch and the run's
 * counts commit in one short transaction, so a crash loses nothing and
 * counts nothing twice; the next run resumes the open run from the target
 * it was on (the cursor). Targets skip rows under a legal hold; a hold on
 * the whole workspace skips the run.
 */
export default class RunRetention {
  async handle(workspaceId: string, options: RunRetentionOptions = {}) {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE
    const run = await this.#openRun(workspaceId, options.trigger ?? 'schedule')
    try {
      const holds = await activeHolds(workspaceId)
      if (holds.workspace) {
        run.skipped = [{ rule: 'all', reason: 'Legal hold on the whole workspace' }]
      } else {
        const plan = await this.#plan(workspaceId)
        run.skipped = plan.skipped
        const startAt = Math.max(0, plan.steps.findIndex((step) => step.target.key === run.cursor))
        for (const { target, days } of plan.steps.slice(startAt)) {
          run.cursor = target.key
          await run.save()
          const scope = { workspaceId, cutoff: cutoffFor(days), heldContactIds: holds.contactIds, heldTicketIds: holds.ticketIds }
          await this.#drain(run, target, scope, batchSize, options)
        }
      }
      run.merge({ status: 'completed', cursor: null, finishedAt: DateTime.now(), error: null })
      await run.save()
    } catch (error) {
      run.merge({ status: 'interrupted', error: (error as Error)?.name?.slice(0, 200) ?? 'Error' })
      await run.save()
      throw error
    }
    await run.refresh()
    await audit({
      action: 'retention.run_completed',
      workspaceId,
      targetType: 'retention_run',
      targetId: run.id,
      actor: { type: 'system', id: null },
      metadata: { ...run.counts, attempts: run.attempts },
    })
    return run
  }

  async #openRun(workspaceId: string, trigger: 'schedule' | 'manual') {
    const open = await RetentionRun.query().where('workspace_id', workspaceId).whereIn('status', ['running', 'interrupted']).first()
    if (open) {
      open.merge({ status: 'running', attempts: open.attempts + 1 })
      return open.save()
    }
    return RetentionRun.create({ workspaceId, trigger, status: 'running', counts: {}, skipped: [], cursor: null, attempts: 1, startedAt: DateTime.now() })
  }

  async #plan(workspaceId: string) {
    const steps: { target: RetentionTarget; days: number }[] = []
    const skipped: { rule: string; reason: string }[] = []
    for (const rule of await effectiveRules(workspaceId)) {
      if (!rule.enabled) continue
      if (rule.notCarriedOut) skipped.push({ rule: rule.definition.key, reason: rule.notCarriedOut })
      for (const target of retentionTargets(rule.definition.key)) steps.push({ target, days: rule.days })
    }
    return { steps, skipped }
  }

  async #drain(run: RetentionRun, target: RetentionTarget, scope: Parameters<RetentionTarget['count']>[0], batchSize: number, options: RunRetentionOptions) {
    while (true) {
      const result = await db.transaction(async (trx) => {
        const batch = await target.processBatch(trx, scope, batchSize)
        if (batch.processed > 0) {
          await trx.rawQuery(
            `UPDATE retention_runs SET counts = jsonb_set(counts, ARRAY[?]::text[], to_jsonb(COALESCE((counts->>?)::int, 0) + ?)) WHERE id = ?`,
            [target.key, target.key, batch.processed, run.id]
          )
        }
        return batch
      })
      await result.afterCommit?.()
      await options.afterBatch?.(target.key, result.processed)
      if (result.processed < batchSize) return
    }
  }
}
