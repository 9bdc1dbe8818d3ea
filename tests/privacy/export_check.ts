import { declaredTables } from '#core/personal_data'

/**
 * Compares an export's JSON files with the catalog: every row of a table has
 * exactly the columns declared exported for it (nothing undeclared, nothing
 * missing). Returns the problems (empty when the export is faithful).
 */
export function exportProblems(files: Map<string, Buffer>) {
  const declared = declaredTables()
  const problems: string[] = []
  const tablesSeen: string[] = []
  for (const [path, content] of files) {
    if (!path.startsWith('data/')) continue
    const { tables } = JSON.parse(content.toString('utf8')) as { tables: Record<string, Record<string, unknown>[]> }
    for (const [qualified, rows] of Object.entries(tables)) {
      const table = qualified.slice(qualified.indexOf('.') + 1)
      tablesSeen.push(table)
      const declaration = declared.get(table)?.declaration
      if (!declaration) {
        problems.push(`${qualified}: not in the catalog`)
        continue
      }
      const exported = Object.entries(declaration.columns)
        .filter(([, column]) => column.personal && column.exported)
        .map(([name]) => name)
        .sort()
      for (const row of rows) {
        const keys = Object.keys(row).sort()
        const extra = keys.filter((key) => !exported.includes(key))
        const missing = exported.filter((key) => !keys.includes(key))
        if (extra.length) problems.push(`${qualified}: undeclared or unexported fields ${extra.join(', ')}`)
        if (missing.length) problems.push(`${qualified}: declared exported fields missing ${missing.join(', ')}`)
      }
    }
  }
  return { problems, tablesSeen }
}
