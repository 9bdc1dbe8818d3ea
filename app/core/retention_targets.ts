/**
 * How governance's retention runs reach other modules' tables without
 * knowing them. A module registers, for a retention rule it serves, a target
 * that counts and processes expired rows in small batches inside the
 * transaction it is given (so a batch and the run's counts commit together
 * and a crash loses nothing). Governance owns the rules, schedule and holds.
 * The kernel imports no module; modules import this.
 */
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** What one run may touch: rows older than the cutoff, never held ones. */
export interface RetentionScope {
  workspaceId: string
  cutoff: Date
  heldContactIds: string[]
  heldTicketIds: string[]
}

export interface RetentionTarget {
  /** Unique, e.g. 'helpdesk.resolved_tickets'. */
  key: string
  /** The governance rule it serves, e.g. 'resolved_tickets'. */
  rule: string
  /** What a row is, plural, for previews ("tickets"). */
  noun: string
  /** What happens to a row. */
  action: 'delete' | 'close'
  count(scope: RetentionScope): Promise<number>
  /** Processes at most `limit` rows; repeating after a crash must be safe. */
  processBatch(trx: TransactionClientContract, scope: RetentionScope, limit: number): Promise<BatchResult>
  /**
   * For rows kept after their workspace is purged (tax records): the ids of
   * purged workspaces that still have rows here. The nightly sweep applies
   * the rule's default period to them, since no workspace is left to run it.
   */
  purgedWorkspaceIds?(): Promise<string[]>
}

export interface BatchResult {
  processed: number
  /** Work outside the database once the batch committed (deleting stored files, destroying keys). */
  afterCommit?: () => Promise<void>
}

const targets = new Map<string, RetentionTarget>()

/** Registers (or replaces) a target. Idempotent across reloads. */
export function registerRetentionTarget(target: RetentionTarget) {
  targets.set(target.key, target)
}

export function retentionTargets(rule?: string): RetentionTarget[] {
  return [...targets.values()].filter((target) => !rule || target.rule === rule)
}
