import db from '@adonisjs/lucid/services/db'
import AuditEntry from '#governance/models/audit_entry'
import { entryHash, GENESIS_HASH } from '#governance/services/audit_chain'

export interface AuditChainProblem {
  workspaceId: string | null
  sequence: number
  problem: 'edited' | 'missing_entries' | 'broken_link'
}

/**
 * Recomputes every chain. An edited row no longer matches its hash; a
 * deleted row leaves a gap in the sequence and a broken link. Entries before
 * the oldest retained one were purged by retention: the chain is checked
 * from there.
 */
export default class VerifyAuditChain {
  async handle(): Promise<{ checked: number; problems: AuditChainProblem[] }> {
    const problems: AuditChainProblem[] = []
    let checked = 0
    const chains = await db.from('audit_entries').distinct('workspace_id')
    for (const { workspace_id: workspaceId } of chains as { workspace_id: string | null }[]) {
      const entries = await AuditEntry.query()
        .if(workspaceId, (query) => query.where('workspace_id', workspaceId!), (query) => query.whereNull('workspace_id'))
        .orderBy('sequence', 'asc')
      let previous: AuditEntry | null = null
      for (const entry of entries) {
        checked++
        const recomputed = entryHash({
          workspaceId: entry.workspaceId,
          sequence: Number(entry.sequence),
          actorType: entry.actorType,
          actorId: entry.actorId,
          action: entry.action,
          targetType: entry.targetType,
          targetId: entry.targetId,
          metadata: entry.metadata,
          ipHash: entry.ipHash,
          occurredAt: entry.occurredAt.toUTC().toISO()!,
          prevHash: entry.prevHash,
        })
        if (recomputed !== entry.hash) problems.push({ workspaceId, sequence: Number(entry.sequence), problem: 'edited' })
        if (previous) {
          if (Number(entry.sequence) !== Number(previous.sequence) + 1) {
            problems.push({ workspaceId, sequence: Number(entry.sequence), problem: 'missing_entries' })
          } else if (entry.prevHash !== previous.hash) {
            problems.push({ workspaceId, sequence: Number(entry.sequence), problem: 'broken_link' })
          }
        } else if (Number(entry.sequence) === 1 && entry.prevHash !== GENESIS_HASH) {
          problems.push({ workspaceId, sequence: 1, problem: 'broken_link' })
        }
        previous = entry
      }
    }
    return { checked, problems }
  }
}
