import { createHash } from 'node:crypto'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/** Placeholders knex substitutes in a compiled statement (`?`, never escaped in the statements passed here). */
const PLACEHOLDER = /\?/g

/**
 * Runs a hot read as a named prepared statement: PostgreSQL parses and plans
 * it once per connection instead of on every request (for the inbox list,
 * planning took longer than executing). The name is a digest of the text, so
 * each filter combination is its own statement and a name never meets two
 * texts. `sql` and `bindings` are a compiled knex statement (`toSQL()`); a
 * text whose placeholders do not match its bindings, or a null prefix (texts
 * that vary without bound, such as searches), runs unnamed. Inside a
 * transaction the statement runs on the transaction's connection as usual.
 * On the embedded database each client's names are its own (database/pglite.ts).
 */
export async function runPrepared<Row>(client: QueryClientContract, prefix: string | null, sql: string, bindings: readonly unknown[]): Promise<Row[]> {
  const query = client.rawQuery(sql, bindings as any[])
  if (prefix && (sql.match(PLACEHOLDER)?.length ?? 0) === bindings.length) {
    const name = `${prefix}_${createHash('sha1').update(sql).digest('base64url')}`
    ;(query.knexQuery as unknown as { options(options: object): void }).options({ name })
  }
  const result = await query
  return result.rows as Row[]
}
