/**
 * Destroying key material in the database: the wrapped key is erased and the
 * row kept as a tombstone, so the scope or subject cannot quietly get a new
 * key and the destruction stays visible. Used by the destroy actions and by
 * the ledger replay (idempotent: destroying twice changes nothing).
 */
import type { VaultClient, Subject } from '#vault/services/key_store'
import { sqlBindings, whereScope } from '#vault/services/key_store'
import { workspaceIdOf, type ScopeId } from '#vault/services/scope'
import type { LedgerEntry } from '#vault/services/destruction_ledger'

/** Returns how many live keys were destroyed (0 when already shredded). */
export async function shredSubjectKeyRows(client: VaultClient, scope: ScopeId, subject: Subject) {
  const destroyed = await whereScope(client.from('vault_subject_keys'), scope)
    .where('subject_type', subject.type)
    .where('subject_id', subject.id)
    .whereNotNull('wrapped_key')
    .update({ wrapped_key: null, destroyed_at: new Date() })
  await client.rawQuery(
    `INSERT INTO vault_subject_keys (workspace_id, subject_type, subject_id, version, dek_version, wrapped_key, created_at, destroyed_at)
     VALUES (?, ?, ?, 1, 0, NULL, now(), now()) ON CONFLICT DO NOTHING`,
    sqlBindings(workspaceIdOf(scope), subject.type, subject.id)
  )
  return affected(destroyed)
}

/** Destroys every DEK, the blind-index key and all subject keys of a workspace. */
export async function shredWorkspaceKeyRows(client: VaultClient, workspaceId: string) {
  const now = new Date()
  const scopeKeys = await client
    .from('vault_keys')
    .where('workspace_id', workspaceId)
    .whereNot('status', 'destroyed')
    .update({ wrapped_key: null, status: 'destroyed', destroyed_at: now })
  const subjectKeys = await client
    .from('vault_subject_keys')
    .where('workspace_id', workspaceId)
    .whereNotNull('wrapped_key')
    .update({ wrapped_key: null, destroyed_at: now })
  await client.rawQuery(
    `INSERT INTO vault_keys (workspace_id, purpose, version, kek_version, wrapped_key, status, created_at, destroyed_at)
     VALUES (?, 'data', 1, 0, NULL, 'destroyed', now(), now()) ON CONFLICT DO NOTHING`,
    [workspaceId]
  )
  return affected(scopeKeys) + affected(subjectKeys)
}

export async function recordDestruction(client: VaultClient, entry: LedgerEntry) {
  await client.rawQuery(
    `INSERT INTO vault_key_destructions
       (sequence, workspace_id, target, subject_type, subject_id, reason, destroyed_at, prev_hash, entry_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_hash) DO NOTHING`,
    sqlBindings(entry.seq, entry.workspaceId, entry.target, entry.subjectType, entry.subjectId, entry.reason, entry.at, entry.prevHash, entry.hash)
  )
}

/** One ledger append at a time per database, in the order destructions commit. */
export async function lockLedger(client: VaultClient) {
  await client.rawQuery('SELECT pg_advisory_xact_lock(hashtext(?))', ['vaultdesk:vault:ledger'])
}

function affected(result: unknown) {
  return Number(Array.isArray(result) ? result[0] : result) || 0
}
