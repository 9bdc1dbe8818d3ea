/**
 * What a DEK rotation re-encrypts: every registered encrypted column, plus
 * any column the personal-data catalog declares `protectedAtRest:
 * 'encrypted'` whose model was not loaded in this process (conventions:
 * primary key `id`, scope from `workspace_id` when the table has one).
 */
import { declaredTables } from '#core/personal_data'
import { encryptedColumns, type EncryptedColumn } from '#vault/services/registry'
import type { VaultClient } from '#vault/services/key_store'
import { PLATFORM_SCOPE, type ScopeId } from '#vault/services/scope'

export const SUBJECT_KEYS_TARGET = 'vault_subject_keys'

export async function encryptedColumnTargets(client: VaultClient): Promise<EncryptedColumn[]> {
  const registered = new Map(encryptedColumns().map((column) => [`${column.table}.${column.column}`, column]))
  const live = await client.rawQuery(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`
  )
  const liveColumns = new Map<string, Set<string>>()
  for (const row of live.rows as { table_name: string; column_name: string }[]) {
    if (!liveColumns.has(row.table_name)) liveColumns.set(row.table_name, new Set())
    liveColumns.get(row.table_name)!.add(row.column_name)
  }
  for (const [table, { module, declaration }] of declaredTables()) {
    for (const [column, declared] of Object.entries(declaration.columns)) {
      if (!declared.personal || declared.protectedAtRest !== 'encrypted' || registered.has(`${table}.${column}`)) continue
      const tableColumns = liveColumns.get(table)
      if (!tableColumns?.has(column) || !tableColumns.has('id')) continue
      registered.set(`${table}.${column}`, {
        table,
        column,
        primaryKey: 'id',
        workspaceColumn: tableColumns.has('workspace_id') ? 'workspace_id' : null,
        subject: null,
        origin: `catalog (${module})`,
      })
    }
  }
  return [...registered.values()]
    .filter((column) => liveColumns.get(column.table)?.has(column.column))
    .sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`))
}

/** Targets of one scope, in a stable order: subject keys first, then `table.column` names. */
export async function rotationTargets(client: VaultClient, scope: ScopeId) {
  const columns = (await encryptedColumnTargets(client)).filter((column) =>
    scope === PLATFORM_SCOPE ? column.workspaceColumn === null : column.workspaceColumn !== null
  )
  return [{ name: SUBJECT_KEYS_TARGET, column: null }, ...columns.map((column) => ({ name: `${column.table}.${column.column}`, column }))]
}
