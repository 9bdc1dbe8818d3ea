import { test } from '@japa/runner'
import pg from 'pg'
import env from '#start/env'
import { embeddedDatabaseConnection } from '#database/pglite'

test.group('Embedded database (PGlite)', () => {
  test('a named statement prepared by a closed client does not break the next client', async ({ assert }) => {
    const query = { name: 'probe:named-statement', text: 'SELECT $1::int AS answer', values: [42] }
    const prepared: string[] = []
    for (let client = 0; client < 2; client++) {
      const connection = new pg.Client(embeddedDatabaseConnection())
      await connection.connect()
      try {
        const result = await connection.query(query)
        assert.equal(result.rows[0].answer, 42)
        assert.equal((await connection.query(query)).rows[0].answer, 42, 'the client reuses its own prepared statement')
        const names = await connection.query(`SELECT name FROM pg_prepared_statements WHERE name LIKE 'probe:named-statement@%'`)
        prepared.push(...names.rows.map((row) => row.name as string).filter((name) => !prepared.includes(name)))
      } finally {
        await connection.end()
      }
    }
    // Still prepared (parsed and planned once), under a name of each client's own.
    assert.lengthOf(prepared, 2)
  }).skip(Boolean(env.get('DATABASE_URL')), 'only the embedded database shares one session between connections')
})
