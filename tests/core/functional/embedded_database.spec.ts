import { test } from '@japa/runner'
import pg from 'pg'
import env from '#start/env'
import { embeddedDatabaseConnection } from '#database/pglite'

test.group('Embedded database (PGlite)', () => {
  test('a named statement prepared by a closed client does not break the next client', async ({ assert }) => {
    const query = { name: 'probe:named-statement', text: 'SELECT $1::int AS answer', values: [42] }
    const namesIn = async (connection: pg.Client) =>
      (await connection.query(`SELECT name FROM pg_prepared_statements WHERE name LIKE 'probe:named-statement@%'`)).rows.map((row) => row.name as string)
    // The session is shared: measure against what it held before this test's clients.
    let before: string[] | null = null
    const added: string[][] = []
    for (let client = 0; client < 2; client++) {
      const connection = new pg.Client(embeddedDatabaseConnection())
      await connection.connect()
      try {
        before ??= await namesIn(connection)
        const known = [...before, ...added.flat()]
        const result = await connection.query(query)
        assert.equal(result.rows[0].answer, 42)
        assert.equal((await connection.query(query)).rows[0].answer, 42, 'the client reuses its own prepared statement')
        added.push((await namesIn(connection)).filter((name) => !known.includes(name)))
      } finally {
        await connection.end()
      }
    }
    // Still prepared (parsed and planned once), under a name of each client's own: one new name per client.
    assert.deepEqual(added.map((names) => names.length), [1, 1])
    assert.notEqual(added[0][0], added[1][0])
  }).skip(Boolean(env.get('DATABASE_URL')), 'only the embedded database shares one session between connections')
})
