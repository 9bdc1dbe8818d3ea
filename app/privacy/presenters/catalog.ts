import { declaredModules } from '#core/personal_data'

export interface CatalogRowDto {
  module: string
  table: string
  column: string
  personal: boolean
  category: string | null
  subject: string | null
  purpose: string | null
  legalBasis: string | null
  retention: string | null
  erasure: string | null
  exported: boolean
  protectedAtRest: string | null
  note: string | null
}

/** Every declared column of every module, one row each (the catalog page and RoPA read this). */
export function catalogRows(): CatalogRowDto[] {
  const rows: CatalogRowDto[] = []
  for (const declaration of declaredModules()) {
    for (const table of declaration.tables) {
      for (const [column, declared] of Object.entries(table.columns)) {
        rows.push(
          declared.personal
            ? {
                module: declaration.module,
                table: table.table,
                column,
                personal: true,
                category: declared.category,
                subject: declared.subject,
                purpose: declared.purpose,
                legalBasis: declared.legalBasis,
                retention: declared.retention,
                erasure: declared.erasure,
                exported: declared.exported,
                protectedAtRest: declared.protectedAtRest ?? null,
                note: null,
              }
            : { module: declaration.module, table: table.table, column, personal: false, category: null, subject: null, purpose: null, legalBasis: null, retention: null, erasure: null, exported: false, protectedAtRest: null, note: declared.note ?? null }
        )
      }
    }
  }
  return rows.sort((a, b) => `${a.module}.${a.table}`.localeCompare(`${b.module}.${b.table}`))
}
