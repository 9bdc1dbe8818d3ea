import db from '@adonisjs/lucid/services/db'
import AuditEntry from '#governance/models/audit_entry'
import { entryHash, GENESIS_HASH } from '#governance/services/audit_chain'
import { anchoredHeads, type ChainHead } from '#governance/services/audit_anchors'
import { cutoffFor } from '#governance/services/effective_rules'
import { ruleDefinition } from '#governance/services/retention_catalog'

export interface AuditChainProblem {
  workspaceId: string | null
  sequence: number
  problem: 'edited' | 'missing_entries' | 'broken_link' | 'truncated' | 'rewritten'
}

/**
 * Recomputes every chain. An edited row no longer matches its hash; a
 * deleted row leaves a gap in the sequence and a broken link. Entries before
 * the oldest retained one were purged by retention: the chain is checked
 * from there. Against the anchors kept outside the database: a chain that
 * ends before a head it was anchored at lost its newest entries
 * (`truncated`); a different hash at an anchored head means the chain was
 * recomputed after the fact (`rewritten`).
 */
export default class VerifyAuditChain {
  async handle(): Promise<{ checked: number; problems: AuditChainProblem[] }> {
    const problems: AuditChainProblem[] = []
    let checked = 0
    const anchors = await anchoredHeads()
    const lastSequence = new Map<string | null, number>()
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
        const anchor = anchors.get(workspaceId)
        if (anchor?.sequence === Number(entry.sequence) && anchor.hash !== entry.hash) {
          problems.push({ workspaceId, sequence: anchor.sequence, problem: 'rewritten' })
        }
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
      if (previous) lastSequence.set(workspaceId, Number(previous.sequence))
    }
    problems.push(...(await this.#truncations(anchors, lastSequence)))
    return { checked, problems }
  }

  async #truncations(anchors: Map<string | null, ChainHead>, lastSequence: Map<string | null, number>) {
    const problems: AuditChainProblem[] = []
    // A chain anchored longer ago than the shortest log retention may have been purged whole, lawfully.
    const purgeable = cutoffFor(ruleDefinition('security_log')!.minDays!.days)
    const anchoredWorkspaces = [...anchors.keys()].filter((id): id is string => id !== null)
    const existing = new Set(anchoredWorkspaces.length ? (await db.from('workspaces').whereIn('id', anchoredWorkspaces).select('id')).map((row) => row.id as string) : [])
    for (const [workspaceId, anchor] of anchors) {
      // A purged workspace's chain was deleted with it (the platform chain records workspace.purged).
      if (workspaceId !== null && !existing.has(workspaceId)) continue
      const last = lastSequence.get(workspaceId)
      if (last !== undefined && last >= anchor.sequence) continue
      if (last === undefined && new Date(anchor.occurredAt) < purgeable) continue
      problems.push({ workspaceId, sequence: anchor.sequence, problem: 'truncated' })
    }
    return problems
  }
}
