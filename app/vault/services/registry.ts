/**
 * Which columns hold vault ciphertexts, so rotation knows what to
 * re-encrypt. Models using the encrypted-column helper register themselves;
 * code that seals values by hand (the `secrets` API) registers its column.
 */
export interface EncryptedColumn {
  table: string
  column: string
  primaryKey: string
  /** The column naming the workspace (key scope); null: platform scope. */
  workspaceColumn: string | null
  /** Set when values are sealed with the subject's key rather than the DEK. */
  subject: { type: string; column: string } | null
  /** Who registered it (a model name, "secrets", "catalog"). */
  origin: string
}

const columns = new Map<string, EncryptedColumn>()
const resolvers = new Set<() => EncryptedColumn[]>()

export function registerEncryptedColumn(column: EncryptedColumn) {
  columns.set(`${column.table}.${column.column}`, column)
}

/** For models: resolved when asked, since a model's table name is known only once it booted. */
export function registerEncryptedColumnsResolver(resolve: () => EncryptedColumn[]) {
  resolvers.add(resolve)
}

export function unregisterEncryptedColumnsResolver(resolve: () => EncryptedColumn[]) {
  resolvers.delete(resolve)
}

export function encryptedColumns(): EncryptedColumn[] {
  const all = new Map(columns)
  for (const resolve of resolvers) {
    for (const column of resolve()) all.set(`${column.table}.${column.column}`, column)
  }
  return [...all.values()].sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`))
}
