import type { ApplicationService } from '@adonisjs/core/types'
import { embeddedDatabasePort, isPortListening, startEmbeddedDatabase, type EmbeddedDatabase } from '#database/pglite'

/**
 * Starts the embedded database before Lucid connects, unless DATABASE_URL
 * names a real server or another process already serves the port.
 * Ace commands other than migration/db ones skip it: a live socket server
 * would keep them from exiting.
 */
export default class PgliteProvider {
  #database?: EmbeddedDatabase

  constructor(protected app: ApplicationService) {}

  #isNeeded() {
    if (process.env.DATABASE_URL) return false
    const command = process.env.ACE_COMMAND
    if (command && !/^(migration:|db:|vault:|privacy:|audit:|jobs:|demo:)/.test(command)) return false
    return true
  }

  async boot() {
    if (!this.#isNeeded()) return
    const port = embeddedDatabasePort()
    if (await isPortListening(port)) return
    this.#database = await startEmbeddedDatabase({
      dataDir: process.env.PGLITE_DATA_DIR || 'storage/pglite',
      port,
      appRoot: this.app.appRoot.pathname,
    })
  }

  async shutdown() {
    await this.#database?.stop()
  }
}
