/**
 * Embedded PostgreSQL (PGlite with pgvector) behind a local socket, so a
 * newcomer needs no database server. Used only when DATABASE_URL is unset.
 */
import { mkdir } from 'node:fs/promises'
import { dirname, isAbsolute, join } from 'node:path'
import { createConnection } from 'node:net'
import { randomUUID } from 'node:crypto'

export const DEFAULT_PGLITE_PORT = 54329

export function embeddedDatabasePort() {
  return Number(process.env.PGLITE_PORT || DEFAULT_PGLITE_PORT)
}

export function embeddedDatabaseConnection() {
  return {
    host: '127.0.0.1',
    port: embeddedDatabasePort(),
    user: 'postgres',
    password: 'postgres',
    database: 'postgres',
  }
}

/** True when something already accepts connections on the port (another app process, `npm run pglite`). */
export function isPortListening(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

export interface EmbeddedDatabase {
  stop(): Promise<void>
}

export async function startEmbeddedDatabase(options: {
  dataDir: string
  port: number
  appRoot: string
}): Promise<EmbeddedDatabase> {
  const { PGlite } = await import('@electric-sql/pglite')
  const { vector } = await import('@electric-sql/pglite-pgvector')
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket')

  let dataDir = options.dataDir
  if (!dataDir.startsWith('memory://')) {
    dataDir = isAbsolute(dataDir) ? dataDir : join(options.appRoot, dataDir)
    await mkdir(dirname(dataDir), { recursive: true })
  }

  const db = await PGlite.create(dataDir, { extensions: { vector } })
  await db.exec('CREATE EXTENSION IF NOT EXISTS vector')
  const server = new PGLiteSocketServer({ db, port: options.port, host: '127.0.0.1', maxConnections: 20 })
  await server.start()

  return {
    async stop() {
      await server.stop()
      await db.close()
    },
  }
}

/**
 * PGlite has a single backend session shared by every socket connection, so a
 * named prepared statement outlives the client that prepared it: the next
 * client (after a pool recycle, a hot restart or from another process) that
 * prepares the same name gets "prepared statement … already exists". Each
 * client's names are therefore made its own (`name@<client tag>`), so they
 * still save parsing and planning (the inbox list plans longer than it runs)
 * without ever meeting another client's. The app keeps its one embedded
 * connection for the life of the process (config/database.ts), so names left
 * by closed clients stay few. (rate-limiter-flexible names its statements too.)
 */
export async function namePreparedStatementsPerClient() {
  const { default: pg } = await import('pg')
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown; __namesPerClient?: boolean }
  if (prototype.__namesPerClient) return
  const query = prototype.query
  const tags = new WeakMap<object, string>()
  const tagOf = (client: object) => {
    let tag = tags.get(client)
    if (!tag) tags.set(client, (tag = randomUUID().slice(0, 8)))
    return tag
  }
  prototype.query = function (this: object, config: unknown, ...rest: unknown[]) {
    if (config && typeof config === 'object' && 'name' in config && config.name) {
      return query.call(this, { ...config, name: `${config.name}@${tagOf(this)}` }, ...rest)
    }
    return query.call(this, config, ...rest)
  }
  prototype.__namesPerClient = true
}
