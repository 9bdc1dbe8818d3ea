import { test } from '@japa/runner'
import pg from 'pg'
import env from '#start/env'
import { embeddedDatabaseConnection } from '#database/pglite'

test.group('Embedded database (PGlite)', () => {
  test('a named statement prepared by a closed client does not break the next client', async ({ assert }) => {
    const query = { name: 'probe:named-statement', text: 'SELECT $1::int AS answer', values: [42] }
    for (let client = 0; client < 2; client++) {
      const connection = new pg.Client(embeddedDatabaseConnection())
      await connection.connect()
      try {
        const result = await connection.query(query)
        assert.equal(result.rows[0].answer, 42)
      } finally {
        await connection.end()
      }
    }
  }).skip(Boolean(env.get('DATABASE_URL')), 'only the embedded database shares one session between connections')
})
