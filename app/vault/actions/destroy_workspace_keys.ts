import db from '@adonisjs/lucid/services/db'
import { keyStore } from '#vault/services/key_store'
import { forgetBlindIndexKeys } from '#vault/services/blind_index'
import { destructionLedger, type LedgerEntry } from '#vault/services/destruction_ledger'
import { lockLedger, recordDestruction, shredWorkspaceKeyRows } from '#vault/services/shredding'
import { audit } from '#core/audit'

/**
 * Deleting a workspace destroys its keys: every DEK version, the blind-index
 * key and all subject keys. Whatever of the workspace survives anywhere
 * (rows not yet deleted, backups, replicas) is unreadable from then on.
 */
export default class DestroyWorkspaceKeys {
  async handle(workspaceId: string, reason = 'workspace_deleted'): Promise<LedgerEntry | null> {
    const entry = await db.transaction(async (trx) => {
      await lockLedger(trx)
      const destroyed = await shredWorkspaceKeyRows(trx, workspaceId)
      const alreadyRecorded = await trx.from('vault_key_destructions').where('target', 'workspace').where('workspace_id', workspaceId).first()
      if (destroyed === 0 && alreadyRecorded) return null
      const appended = await destructionLedger().append({
        target: 'workspace',
        workspaceId,
        subjectType: null,
        subjectId: null,
        reason,
      })
      await recordDestruction(trx, appended)
      return appended
    })
    keyStore.forgetScope(workspaceId)
    forgetBlindIndexKeys(workspaceId)
    if (entry) {
      await audit({ action: 'vault.workspace_keys_destroyed', workspaceId, targetType: 'workspace', targetId: workspaceId, metadata: { reason } })
    }
    return entry
  }
}
