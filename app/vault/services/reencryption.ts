/**
 * One batch of a DEK rotation, at the SQL level (no model needed): values
 * sealed under an older DEK version are opened and sealed again under the
 * new one; subject keys are rewrapped (the subject keys themselves do not
 * change, so values sealed with them stay as they are). Each row is updated
 * only if it still holds the value read, so a concurrent write wins.
 */
import type { EncryptedColumn } from '#vault/services/registry'
import { keyStore, whereScope, type VaultClient, type VersionedKey } from '#vault/services/key_store'
import { keyRefOf, openField, sealField } from '#vault/services/field_cipher'
import { workspaceIdOf, type ScopeId } from '#vault/services/scope'
import { DecryptionError } from '#vault/errors'

export interface RotationTarget {
  name: string
  column: EncryptedColumn | null
}

export interface BatchResult {
  processed: number
  lastId: string | null
}

function staleValues(client: VaultClient, scope: ScopeId, column: EncryptedColumn, toVersion: number) {
  const query = client
    .from(column.table)
    .where(column.column, 'like', 'vd1:w%')
    .whereNot(column.column, 'like', `vd1:w${toVersion}:%`)
  return column.workspaceColumn ? query.where(column.workspaceColumn, workspaceIdOf(scope)!) : query
}

function staleSubjectKeys(client: VaultClient, scope: ScopeId, toVersion: number) {
  return whereScope(client.from('vault_subject_keys'), scope).whereNotNull('wrapped_key').where('dek_version', '<', toVersion)
}

export async function countStale(client: VaultClient, scope: ScopeId, target: RotationTarget, toVersion: number) {
  const query = target.column ? staleValues(client, scope, target.column, toVersion) : staleSubjectKeys(client, scope, toVersion)
  const [{ total }] = await query.count('* as total')
  return Number(total)
}

export async function reencryptBatch(
  client: VaultClient,
  scope: ScopeId,
  target: RotationTarget,
  newKey: VersionedKey,
  afterId: string | null,
  limit: number
): Promise<BatchResult> {
  const oldKeys = new Map<number, Uint8Array>()
  const oldKey = async (version: number) => {
    if (!oldKeys.has(version)) oldKeys.set(version, await keyStore.dataKey(scope, version, client))
    return oldKeys.get(version)!
  }
  return target.column
    ? reencryptColumn(client, scope, target.column, newKey, afterId, limit, oldKey)
    : rewrapSubjectKeys(client, scope, newKey, afterId, limit, oldKey)
}

async function reencryptColumn(
  client: VaultClient,
  scope: ScopeId,
  column: EncryptedColumn,
  newKey: VersionedKey,
  afterId: string | null,
  limit: number,
  oldKey: (version: number) => Promise<Uint8Array>
): Promise<BatchResult> {
  const query = staleValues(client, scope, column, newKey.version)
    .select(`${column.primaryKey} as id`, `${column.column} as value`)
    .orderBy(column.primaryKey)
    .limit(limit)
  if (afterId) query.where(column.primaryKey, '>', afterId)
  const rows: { id: string; value: string }[] = await query
  for (const row of rows) {
    const ref = keyRefOf(row.value)
    const context = { scope, table: column.table, column: column.column, rowId: String(row.id) }
    if (!ref) throw new DecryptionError(`${column.table}.${column.column} row ${row.id} holds a malformed ciphertext.`, 'malformed')
    let plaintext: Buffer
    try {
      plaintext = openField(await oldKey(ref.version), context, row.value)
    } catch (error) {
      if (error instanceof DecryptionError) {
        throw new DecryptionError(`${column.table}.${column.column} row ${row.id} failed to decrypt (${error.reason}); repair or remove it, then resume.`, error.reason)
      }
      throw error
    }
    const resealed = sealField(newKey.key, { kind: 'w', version: newKey.version }, context, plaintext)
    plaintext.fill(0)
    await client.from(column.table).where(column.primaryKey, row.id).where(column.column, row.value).update({ [column.column]: resealed })
  }
  return { processed: rows.length, lastId: rows.length ? String(rows[rows.length - 1].id) : afterId }
}

async function rewrapSubjectKeys(
  client: VaultClient,
  scope: ScopeId,
  newKey: VersionedKey,
  afterId: string | null,
  limit: number,
  oldKey: (version: number) => Promise<Uint8Array>
): Promise<BatchResult> {
  const query = staleSubjectKeys(client, scope, newKey.version)
    .select('id', 'subject_type', 'subject_id', 'version', 'dek_version', 'wrapped_key')
    .orderBy('id')
    .limit(limit)
  if (afterId) query.where('id', '>', afterId)
  const rows: { id: string; subject_type: string; subject_id: string; version: number; dek_version: number; wrapped_key: string }[] = await query
  for (const row of rows) {
    const subject = { type: row.subject_type, id: row.subject_id }
    const old = { version: row.dek_version, key: await oldKey(row.dek_version) }
    const key = keyStore.unwrapSubjectKeyWith(old, scope, subject, row.version, row.wrapped_key)
    const wrapped = keyStore.wrapSubjectKey(newKey, scope, subject, key, row.version)
    key.fill(0)
    await client.from('vault_subject_keys').where('id', row.id).where('dek_version', row.dek_version).update({ wrapped_key: wrapped, dek_version: newKey.version })
  }
  return { processed: rows.length, lastId: rows.length ? rows[rows.length - 1].id : afterId }
}
