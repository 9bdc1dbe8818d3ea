import db from '@adonisjs/lucid/services/db'
import { declaredTables } from '#core/personal_data'
import { ENVELOPE_SQL_PATTERN } from '#vault/services/field_cipher'
import type { VaultClient } from '#vault/services/key_store'

export type PlaintextKind = 'email' | 'phone' | 'secret' | 'json' | 'text'

export interface PlaintextFinding {
  table: string
  column: string
  /** How many values are not vault ciphertexts. */
  count: number
  /** What the offending values look like (never the values themselves). */
  looksLike: PlaintextKind[]
}

export interface ScanReport {
  /** Text and JSON columns declared `protectedAtRest: 'encrypted'` that were checked. */
  checked: string[]
  findings: PlaintextFinding[]
}

const TEXT_TYPES = ['text', 'character varying', 'character', 'json', 'jsonb']
const SAMPLE_SIZE = 200

/**
 * Scans every text and JSON column of the database that the personal-data
 * catalog declares encrypted for values that are not vault ciphertexts
 * (plaintext personal data or secrets that slipped past the vault, legacy
 * values, hand-written SQL). Reports counts and shapes, never values.
 */
export default class ScanForPlaintext {
  async handle(client: VaultClient = db.connection()): Promise<ScanReport> {
    const declared = declaredTables()
    const columns = await client.rawQuery(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = ANY(?) ORDER BY table_name, column_name`,
      [TEXT_TYPES]
    )
    const report: ScanReport = { checked: [], findings: [] }
    for (const { table_name: table, column_name: column, data_type: type } of columns.rows as Record<string, string>[]) {
      const declaration = declared.get(table)?.declaration.columns[column]
      if (!declaration?.personal || declaration.protectedAtRest !== 'encrypted') continue
      report.checked.push(`${table}.${column}`)
      // Identifiers are bound (??), never spliced into the SQL.
      const value = type.startsWith('json') ? `(?? #>> '{}')` : '??'
      const offending = `FROM ?? WHERE ?? IS NOT NULL AND ${value} !~ ?`
      const bindings = [table, column, column, ENVELOPE_SQL_PATTERN]
      const counted = await client.rawQuery(`SELECT count(*) AS total ${offending}`, bindings)
      const total = Number(counted.rows[0].total)
      if (total === 0) continue
      const sampled = await client.rawQuery(`SELECT ${value} AS value ${offending} LIMIT ${SAMPLE_SIZE}`, [column, ...bindings])
      const looksLike = new Set((sampled.rows as { value: string | null }[]).map((sample) => classify(sample.value ?? '', type)))
      report.findings.push({ table, column, count: total, looksLike: [...looksLike].sort() })
    }
    return report
  }
}

export function classify(value: string, type = 'text'): PlaintextKind {
  const trimmed = value.trim()
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return 'email'
  if (/^\+?[\d\s().-]{7,20}$/.test(trimmed) && (trimmed.match(/\d/g)?.length ?? 0) >= 7) return 'phone'
  if (/^[A-Za-z0-9+/=_:.-]{16,}$/.test(trimmed) && !/\s/.test(trimmed)) return 'secret'
  if (type.startsWith('json') || /^[[{]/.test(trimmed)) return 'json'
  return 'text'
}
