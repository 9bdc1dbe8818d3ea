import env from '#start/env'
import { embeddedDatabaseConnection } from '#database/pglite'
import type { JobsConnection } from '#core/jobs'

/** pg-boss keeps its own small pool to the same database Lucid uses. */
export function jobsConnection(): JobsConnection {
  const url = env.get('DATABASE_URL')
  return url ? { connectionString: url } : embeddedDatabaseConnection()
}
