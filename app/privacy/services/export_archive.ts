/**
 * The export a subject downloads: a ZIP with
 *  - data/<category>.json  machine-readable, one file per category, rows by table;
 *  - csv/<module>.<table>.csv  the same rows as spreadsheets;
 *  - index.html  a readable page;
 *  - attachments/...  files they sent or received, decrypted;
 *  - manifest.json  what is inside.
 * Only columns the catalog marks exported reach it (the providers select them).
 */
import yazl from 'yazl'
import { escapeHtml } from '#core/mail_layout'
import type { SubjectRecords } from '#core/subject_data'
import { rowCount } from '#privacy/services/subject_lookup'

export interface ArchiveContext {
  requestId: string
  organisation: string
  generatedAt: string
}

function csvCell(value: unknown) {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function toCsv(rows: Record<string, unknown>[]) {
  const headers = [...new Set(rows.flatMap((row) => Object.keys(row)))]
  return [headers.join(','), ...rows.map((row) => headers.map((header) => csvCell(row[header])).join(','))].join('\r\n') + '\r\n'
}

function htmlPage(records: SubjectRecords[], context: ArchiveContext) {
  const sections = records
    .filter((record) => record.rows.length)
    .map((record) => {
      const headers = [...new Set(record.rows.flatMap((row) => Object.keys(row)))]
      const head = headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('')
      const body = record.rows
        .map((row) => `<tr>${headers.map((header) => `<td>${escapeHtml(row[header] === null || row[header] === undefined ? '' : typeof row[header] === 'string' ? (row[header] as string) : JSON.stringify(row[header]))}</td>`).join('')}</tr>`)
        .join('\n')
      return `<h2>${escapeHtml(record.table)} <small>(${escapeHtml(record.category)}, ${record.rows.length} rows)</small></h2>
<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`
    })
    .join('\n')
  const files = records.flatMap((record) => record.files ?? [])
  const fileList = files.length
    ? `<h2>Files</h2><ul>${files.map((file) => `<li><a href="${escapeHtml(file.path)}">${escapeHtml(file.path)}</a></li>`).join('')}</ul>`
    : ''
  const derived = records.filter((record) => !record.rows.length && rowCount(record) > 0)
  const derivedList = derived.length
    ? `<h2>Also held, not exported</h2><p>Derived or security data (for example search hashes and report counters) that says nothing readable about you:</p><ul>${derived
        .map((record) => `<li>${escapeHtml(record.table)}: ${rowCount(record)} rows (${escapeHtml(record.category)})</li>`)
        .join('')}</ul>`
    : ''
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Your data held by ${escapeHtml(context.organisation)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;margin-bottom:1.5rem}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}</style></head>
<body><h1>Your data held by ${escapeHtml(context.organisation)}</h1>
<p>Request ${escapeHtml(context.requestId)}, generated ${escapeHtml(context.generatedAt)}. The same data is in <code>data/</code> (JSON) and <code>csv/</code>.</p>
${sections}
${fileList}
${derivedList}
</body></html>`
}

/** Builds the ZIP in memory (exports are one person's data: small). */
export function buildArchive(records: SubjectRecords[], context: ArchiveContext): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  const add = (path: string, content: string | Uint8Array) => zip.addBuffer(Buffer.from(content), path, { mtime: new Date(context.generatedAt) })
  const byCategory = new Map<string, Record<string, Record<string, unknown>[]>>()
  for (const record of records) {
    if (!record.rows.length) continue
    const category = byCategory.get(record.category) ?? {}
    category[`${record.module}.${record.table}`] = [...(category[`${record.module}.${record.table}`] ?? []), ...record.rows]
    byCategory.set(record.category, category)
    add(`csv/${record.module}.${record.table}.csv`, toCsv(record.rows))
    for (const file of record.files ?? []) add(file.path, file.bytes)
  }
  for (const [category, tables] of byCategory) add(`data/${category}.json`, JSON.stringify({ category, tables }, null, 2))
  add('index.html', htmlPage(records, context))
  add(
    'manifest.json',
    JSON.stringify(
      {
        requestId: context.requestId,
        organisation: context.organisation,
        generatedAt: context.generatedAt,
        tables: records.map((record) => ({ module: record.module, table: record.table, category: record.category, rows: rowCount(record), exported: record.rows.length > 0 })),
      },
      null,
      2
    )
  )
  zip.end()
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk))
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
    zip.outputStream.on('error', reject)
  })
}
