/**
 * Standalone embedded database server (`npm run pglite`): lets several app
 * processes (server, ace commands, workers) share one PGlite data dir.
 */
import { startEmbeddedDatabase, embeddedDatabasePort } from '../database/pglite.ts'

const port = embeddedDatabasePort()
const database = await startEmbeddedDatabase({
  dataDir: process.env.PGLITE_DATA_DIR || 'storage/pglite',
  port,
  appRoot: new URL('../', import.meta.url).pathname,
})
console.log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`)
const stop = async () => {
  await database.stop()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
