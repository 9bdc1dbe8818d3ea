/**
 * Vocabulary of the personal-data catalog. Every module declares, in its own
 * `personal_data.ts`, each column of each table it owns: either personal (what
 * it holds, about whom, why, for how long, how it is erased and exported) or
 * explicitly not personal. The kernel imports no module; modules import this.
 */

export type SubjectType = 'workspace_user' | 'contact' | 'visitor' | 'billing_contact' | 'operator'

export type LegalBasis =
  | 'contract'
  | 'legitimate_interest'
  | 'legal_obligation'
  | 'consent'
  | 'vital_interest'
  | 'public_task'

/** How a column is dealt with when its subject's data is erased. */
export type ErasureStrategy = 'delete' | 'anonymize' | 'crypto_shred' | 'retain_legal_basis'

export type PersonalDataCategory =
  | 'identity'
  | 'contact_details'
  | 'credentials'
  | 'security'
  | 'account'
  | 'conversation'
  | 'technical'
  | 'billing'
  | 'consent'
  | 'derived'
  | 'usage'

export interface PersonalColumn {
  personal: true
  category: PersonalDataCategory
  subject: SubjectType
  purpose: string
  legalBasis: LegalBasis
  /** A retention rule key known to governance, e.g. 'account_data'. */
  retention: string
  erasure: ErasureStrategy
  /** Included in an access/portability export. Secrets and hashes never are. */
  exported: boolean
  /** Stored encrypted or hashed, never in clear. */
  protectedAtRest?: 'hashed' | 'encrypted' | 'keyed_hash'
}

export interface NonPersonalColumn {
  personal: false
  /** Why the column is not personal data (e.g. "foreign key", "timestamp"). */
  note?: string
}

export type ColumnDeclaration = PersonalColumn | NonPersonalColumn

export interface TableDeclaration {
  /** Schema-qualified when not in `public`, e.g. 'pgboss.job'. */
  table: string
  description: string
  columns: Record<string, ColumnDeclaration>
}

export interface ModuleDeclaration {
  module: string
  tables: TableDeclaration[]
}

/** Shorthand for the many columns that carry no personal data. */
export function notPersonal(note?: string): NonPersonalColumn {
  return { personal: false, note }
}

export function personal(declaration: Omit<PersonalColumn, 'personal'>): PersonalColumn {
  return { personal: true, ...declaration }
}

const registry = new Map<string, ModuleDeclaration>()

/** Registers (or replaces) a module's declarations. Idempotent across reloads. */
export function declarePersonalData(declaration: ModuleDeclaration) {
  registry.set(declaration.module, declaration)
  return declaration
}

export function declaredModules(): ModuleDeclaration[] {
  return [...registry.values()]
}

export function declaredTables(): Map<string, { module: string; declaration: TableDeclaration }> {
  const tables = new Map<string, { module: string; declaration: TableDeclaration }>()
  for (const moduleDeclaration of registry.values()) {
    for (const table of moduleDeclaration.tables) {
      tables.set(table.table, { module: moduleDeclaration.module, declaration: table })
    }
  }
  return tables
}

/** For tests that register a throwaway declaration. */
export function unregisterPersonalData(module: string) {
  registry.delete(module)
}
