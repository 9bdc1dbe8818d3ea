/**
 * Finds a data subject's records across every module through the providers
 * registered in the kernel (app/core/subject_data.ts): the privacy desk
 * knows no module's tables.
 */
import type { CollectOptions, SubjectIdentifiers, SubjectRecords } from '#core/subject_data'
import { subjectDataProviders } from '#core/subject_data'
import type PrivacyRequest from '#privacy/models/privacy_request'

export function identifiersOf(request: PrivacyRequest): SubjectIdentifiers {
  return {
    workspaceId: request.workspaceId,
    emails: request.email ? [request.email] : [],
    phones: request.extraIdentifiers?.phones ?? [],
    externalIds: request.extraIdentifiers?.externalIds ?? [],
    ids:
      request.requesterUserId && !request.workspaceId
        ? { workspace_user: [request.requesterUserId] }
        : request.subjectContactId
          ? { contact: [request.subjectContactId] }
          : {},
  }
}

/** Runs every provider's resolve in registration order, each seeing the ids found before it. */
export async function resolveSubject(subject: SubjectIdentifiers): Promise<SubjectIdentifiers> {
  const resolved: SubjectIdentifiers = { ...subject, ids: { ...subject.ids } }
  for (const provider of subjectDataProviders()) {
    if (!provider.resolve) continue
    const found = await provider.resolve(resolved)
    for (const [type, ids] of Object.entries(found) as [keyof SubjectIdentifiers['ids'], string[]][]) {
      resolved.ids[type] = [...new Set([...(resolved.ids[type] ?? []), ...ids])]
    }
  }
  return resolved
}

export async function collectSubjectData(subject: SubjectIdentifiers, options: CollectOptions = {}): Promise<SubjectRecords[]> {
  const records: SubjectRecords[] = []
  for (const provider of subjectDataProviders()) records.push(...(await provider.collect(subject, options)))
  return records
}

export function rowCount(record: SubjectRecords) {
  return record.heldRows ?? record.rows.length
}

export function hasAnyData(records: SubjectRecords[]) {
  return records.some((record) => rowCount(record) > 0)
}

export interface DataFoundSummary {
  total: number
  byCategory: { category: string; rows: number }[]
  tables: { module: string; table: string; category: string; rows: number; exported: boolean; preview: Record<string, string>[] }[]
}

function previewValue(value: unknown) {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text === undefined || text === null ? '' : text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/** Counts by category and a short preview (first rows, long values cut) for staff. */
export function summarize(records: SubjectRecords[]): DataFoundSummary {
  const byCategory = new Map<string, number>()
  for (const record of records) byCategory.set(record.category, (byCategory.get(record.category) ?? 0) + rowCount(record))
  return {
    total: records.reduce((sum, record) => sum + rowCount(record), 0),
    byCategory: [...byCategory].map(([category, rows]) => ({ category, rows })).sort((a, b) => a.category.localeCompare(b.category)),
    tables: records.map((record) => ({
      module: record.module,
      table: record.table,
      category: record.category,
      rows: rowCount(record),
      exported: record.rows.length > 0,
      preview: record.rows.slice(0, 3).map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, previewValue(value)]))),
    })),
  }
}
