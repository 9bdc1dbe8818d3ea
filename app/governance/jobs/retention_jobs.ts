import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import jobs from '#core/jobs'
import RunRetention from '#governance/actions/run_retention'
import PurgeClosedWorkspaces from '#governance/actions/purge_closed_workspaces'
import AnchorAuditChains from '#governance/actions/anchor_audit_chains'
import SweepPurgedWorkspaceRecords from '#governance/actions/sweep_purged_workspace_records'
import { ruleDefinition } from '#governance/services/retention_catalog'

export const RETENTION_SWEEP_JOB = 'governance.retention_sweep'
export const RETENTION_RUN_JOB = 'governance.retention_run'
export const ANCHOR_AUDIT_CHAINS_JOB = 'governance.anchor_audit_chains'

/** Nightly: one run job per workspace, the platform's own security log, closed workspaces past their window, and what purged workspaces left for the law (tax records) once it expires. */
export async function retentionSweep() {
  const workspaces = (await db.from('workspaces').select('id')) as { id: string }[]
  for (const { id } of workspaces) await jobs.dispatch(RETENTION_RUN_JOB, { workspaceId: id })
  const cutoff = DateTime.now().minus({ days: ruleDefinition('security_log')!.defaultDays }).toJSDate()
  await db.transaction(async (trx) => {
    await trx.rawQuery("SELECT set_config('vaultdesk.audit_purge', 'on', true)")
    await trx.from('audit_entries').whereNull('workspace_id').where('occurred_at', '<', cutoff).delete()
    await trx.rawQuery("SELECT set_config('vaultdesk.audit_purge', 'off', true)")
  })
  await new PurgeClosedWorkspaces().handle()
  await new SweepPurgedWorkspaceRecords().handle()
}

export async function retentionRun(data: { workspaceId: string; trigger?: 'schedule' | 'manual' }) {
  await new RunRetention().handle(data.workspaceId, { trigger: data.trigger ?? 'schedule' })
}

/** Hourly: every audit chain's head into the anchor file outside the database. */
export async function anchorAuditChains() {
  await new AnchorAuditChains().handle()
}
