/**
 * After an erasure, searches the database for anything left of the subject,
 * driven by the catalog (no table is named here):
 *  1. every keyed-hash column (blind indexes) for the keyed hashes of the
 *     subject's email, phone and external ids;
 *  2. every column that links rows to a subject of that type (e.g. a
 *     contact id), except records kept on a legal basis;
 *  3. every text and JSON column for the identifiers in clear.
 * Workspace requests search the workspace's rows (by the indexed
 * workspace_id); platform requests (a workspace user) search every row.
 */
import db from '@adonisjs/lucid/services/db'
import { declaredTables } from '#core/personal_data'
import type { SubjectIdentifiers } from '#core/subject_data'
import { blindIndexFor, PLATFORM_SCOPE, type BlindIndexKind } from '#vault/index'

export interface ResidueFinding {
  table: string
  column: string
  matches: number
  kind: 'keyed_hash' | 'subject_link' | 'plaintext'
}

export interface ResidueReport {
  searchedColumns: number
  findings: ResidueFinding[]
}

const TEXT_TYPES = new Set(['text', 'character varying', 'character', 'json', 'jsonb'])

async function liveColumns() {
  const result = await db.rawQuery(
    `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'`
  )
  const tables = new Map<string, Map<string, string>>()
  for (const row of result.rows as { table_name: string; column_name: string; data_type: string }[]) {
    if (!tables.has(row.table_name)) tables.set(row.table_name, new Map())
    tables.get(row.table_name)!.set(row.column_name, row.data_type)
  }
  return tables
}

async function keyedHashesOf(subject: SubjectIdentifiers) {
  const scope = subject.workspaceId ?? PLATFORM_SCOPE
  const values: [BlindIndexKind, string[]][] = [
    ['email', subject.emails],
    ['phone', subject.phones],
    ['external_id', subject.externalIds],
  ]
  const hashes: string[] = []
  for (const [kind, list] of values) {
    for (const value of list) {
      const hash = await blindIndexFor(scope, kind, value)
      if (hash) hashes.push(hash)
    }
  }
  return hashes
}

function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`)
}

export async function checkResidue(subject: SubjectIdentifiers, options: { excludeTables?: string[] } = {}): Promise<ResidueReport> {
  const live = await liveColumns()
  const hashes = await keyedHashesOf(subject)
  const needles = [...subject.emails, ...subject.phones, ...subject.externalIds].map((value) => value.trim()).filter((value) => value.length >= 4)
  const report: ResidueReport = { searchedColumns: 0, findings: [] }
  const scoped = (query: any) => (subject.workspaceId ? query.where('workspace_id', subject.workspaceId) : query)

  for (const [table, { declaration }] of declaredTables()) {
    const columns = live.get(table)
    if (!columns || options.excludeTables?.includes(table)) continue
    if (subject.workspaceId && !columns.has('workspace_id')) continue
    for (const [column, declared] of Object.entries(declaration.columns)) {
      const type = columns.get(column)
      if (!type) continue
      const searches: { kind: ResidueFinding['kind']; apply: (query: any) => any }[] = []
      if (declared.personal && declared.protectedAtRest === 'keyed_hash' && hashes.length) {
        searches.push({ kind: 'keyed_hash', apply: (query) => query.whereIn(column, hashes) })
      }
      const linkedIds = declared.personal ? subject.ids[declared.subject] ?? [] : []
      if (declared.personal && declared.erasure !== 'retain_legal_basis' && type === 'uuid' && linkedIds.length) {
        searches.push({ kind: 'subject_link', apply: (query) => query.whereIn(column, linkedIds) })
      }
      if (TEXT_TYPES.has(type) && needles.length) {
        const cast = type.startsWith('json') ? `??::text` : '??'
        searches.push({
          kind: 'plaintext',
          apply: (query) =>
            query.where((inner: any) => {
              for (const needle of needles) inner.orWhereRaw(`${cast} ILIKE ?`, [column, `%${escapeLike(needle)}%`])
            }),
        })
      }
      for (const search of searches) {
        report.searchedColumns++
        const [{ total }] = await search.apply(scoped(db.from(table))).count('* as total')
        if (Number(total) > 0) report.findings.push({ table, column, matches: Number(total), kind: search.kind })
      }
    }
  }
  return report
}
