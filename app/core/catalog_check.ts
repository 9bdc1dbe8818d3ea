import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { declaredTables } from '#core/personal_data'

/** Schemas owned by a library whose tables carry no personal content. */
export const INFRASTRUCTURE_SCHEMAS: Record<string, string> = {
  pgboss: 'pg-boss job queue: payloads carry record ids only',
}

export interface CatalogFinding {
  table: string
  column: string
  problem: 'undeclared' | 'stale'
}

/**
 * Compares the personal-data declarations with the live schema. Every column
 * must be declared exactly once; a declared column that no longer exists is
 * stale. Returns the differences (empty when the catalog is complete).
 */
export async function checkCatalog(client: QueryClientContract): Promise<CatalogFinding[]> {
  const result = await client.rawQuery(
    `SELECT table_schema, table_name, column_name
       FROM information_schema.columns
      WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
        AND table_schema NOT LIKE 'pg_toast%'
        -- A partition's columns are its parent's (declared once, on the parent)
        AND NOT EXISTS (
          SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE c.relname = columns.table_name AND n.nspname = columns.table_schema AND c.relispartition
        )
      ORDER BY table_schema, table_name, ordinal_position`
  )
  const declarations = declaredTables()
  const live = new Map<string, Set<string>>()
  const findings: CatalogFinding[] = []

  for (const row of result.rows as { table_schema: string; table_name: string; column_name: string }[]) {
    if (INFRASTRUCTURE_SCHEMAS[row.table_schema]) continue
    const table = row.table_schema === 'public' ? row.table_name : `${row.table_schema}.${row.table_name}`
    if (!live.has(table)) live.set(table, new Set())
    live.get(table)!.add(row.column_name)
    if (!declarations.get(table)?.declaration.columns[row.column_name]) {
      findings.push({ table, column: row.column_name, problem: 'undeclared' })
    }
  }
  for (const [table, { declaration }] of declarations) {
    for (const column of Object.keys(declaration.columns)) {
      if (!live.get(table)?.has(column)) findings.push({ table, column, problem: 'stale' })
    }
  }
  return findings
}
