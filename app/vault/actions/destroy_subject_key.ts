import db from '@adonisjs/lucid/services/db'
import { keyStore, type Subject } from '#vault/services/key_store'
import { destructionLedger, type LedgerEntry } from '#vault/services/destruction_ledger'
import { lockLedger, recordDestruction, shredSubjectKeyRows } from '#vault/services/shredding'
import { workspaceIdOf, type ScopeId } from '#vault/services/scope'
import { audit } from '#core/audit'

/**
 * Crypto-shreds one data subject: destroys their key, so everything sealed
 * with it (in the database and in every backup) is unreadable. The ledger
 * entry is written to the file before the database commits, so a crash in
 * between errs on the side of destruction (replay finishes it).
 */
export default class DestroySubjectKey {
  async handle(input: { scope: ScopeId; subject: Subject; reason: string }): Promise<LedgerEntry | null> {
    const entry = await db.transaction(async (trx) => {
      await lockLedger(trx)
      const destroyed = await shredSubjectKeyRows(trx, input.scope, input.subject)
      const alreadyRecorded = await trx
        .from('vault_key_destructions')
        .where('target', 'subject')
        .where('subject_type', input.subject.type)
        .where('subject_id', input.subject.id)
        .first()
      if (destroyed === 0 && alreadyRecorded) return null
      const appended = await destructionLedger().append({
        target: 'subject',
        workspaceId: workspaceIdOf(input.scope),
        subjectType: input.subject.type,
        subjectId: input.subject.id,
        reason: input.reason,
      })
      await recordDestruction(trx, appended)
      return appended
    })
    keyStore.forgetSubject(input.scope, input.subject)
    if (entry) {
      await audit({
        action: 'vault.subject_key_destroyed',
        workspaceId: workspaceIdOf(input.scope),
        targetType: input.subject.type,
        targetId: input.subject.id,
        metadata: { reason: input.reason },
      })
    }
    return entry
  }
}
