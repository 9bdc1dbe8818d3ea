import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'

/**
 * Sessions live in PostgreSQL (the `sessions` table) so app processes stay
 * stateless and personal data has one home.
 */
const sessionConfig = defineConfig({
  enabled: true,
  cookieName: 'vaultdesk-session',
  clearWithBrowser: false,
  age: '2h',
  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
  store: env.get('SESSION_DRIVER'),
  stores: {
    cookie: stores.cookie(),
    database: stores.database({ connectionName: 'postgres', tableName: 'sessions', gcProbability: 2 }),
  },
})

export default sessionConfig
