import db from '@adonisjs/lucid/services/db'
import { keyStore } from '#vault/services/key_store'
import { forgetBlindIndexKeys } from '#vault/services/blind_index'
import { destructionLedger } from '#vault/services/destruction_ledger'
import { recordDestruction, shredSubjectKeyRows, shredWorkspaceKeyRows } from '#vault/services/shredding'
import { scopeOf } from '#vault/services/scope'

export interface ReplayReport {
  ledgerPath: string
  entries: number
  /** Keys that were live in this database and are destroyed now (restored from a backup). */
  keysDestroyed: number
  /** Ledger entries the database did not have (its backup predates them). */
  entriesRestored: number
  /** Chain problems (edited, removed or torn lines); every readable entry is still applied. */
  problems: string[]
}

/**
 * After restoring a database backup: applies every entry of the file ledger
 * again, so keys destroyed after the backup was taken are destroyed again.
 * Idempotent; safe to run at every deploy.
 */
export default class ReplayDestructions {
  async handle(): Promise<ReplayReport> {
    const ledger = destructionLedger()
    const { entries, problems } = await ledger.read()
    let keysDestroyed = 0
    let entriesRestored = 0
    for (const entry of entries) {
      await db.transaction(async (trx) => {
        if (entry.target === 'workspace' && entry.workspaceId) {
          keysDestroyed += await shredWorkspaceKeyRows(trx, entry.workspaceId)
        } else if (entry.target === 'subject' && entry.subjectType && entry.subjectId) {
          keysDestroyed += await shredSubjectKeyRows(trx, scopeOf(entry.workspaceId), { type: entry.subjectType, id: entry.subjectId })
        }
        const known = await trx.from('vault_key_destructions').where('entry_hash', entry.hash).first()
        if (!known) {
          await recordDestruction(trx, entry)
          entriesRestored++
        }
      })
    }
    keyStore.clear()
    forgetBlindIndexKeys()
    return { ledgerPath: ledger.path, entries: entries.length, keysDestroyed, entriesRestored, problems }
  }
}
