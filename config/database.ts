import env from '#start/env'
import { defineConfig } from '@adonisjs/lucid'
import { embeddedDatabaseConnection, namePreparedStatementsPerClient } from '#database/pglite'

/**
 * One PostgreSQL for everything (data, sessions, rate limits, jobs).
 * DATABASE_URL points at a real server; without it the app talks to the
 * embedded PGlite started by providers/pglite_provider.ts.
 */
const databaseUrl = env.get('DATABASE_URL')
/** How long the embedded connection may sit idle and still be kept: in practice, for the life of the process. */
const KEEP_EMBEDDED_CONNECTION_MS = 365 * 24 * 3600 * 1000
if (!databaseUrl) await namePreparedStatementsPerClient()

const dbConfig = defineConfig({
  connection: 'postgres',
  prettyPrintDebugQueries: true,
  connections: {
    postgres: {
      client: 'pg',
      connection: databaseUrl ? { connectionString: databaseUrl } : embeddedDatabaseConnection(),
      // pglite-socket serves one client at a time: one pooled connection is the safe setting. It is
      // kept for the life of the process, so its prepared statements are not left behind by recycling.
      pool: databaseUrl ? { min: 0, max: 10 } : { min: 0, max: 1, idleTimeoutMillis: KEEP_EMBEDDED_CONNECTION_MS },
      // Models are written by hand per module; no generated database/schema.ts after migrations.
      schemaGeneration: { enabled: false },
      migrations: {
        naturalSort: true,
        paths: ['database/migrations'],
      },
      seeders: { paths: ['database/seeders'] },
    },
  },
})

export default dbConfig
