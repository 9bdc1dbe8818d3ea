import type { ApplicationService } from '@adonisjs/core/types'
import env from '#start/env'

/**
 * The newcomer path: on the embedded database (or with AUTO_MIGRATE=true)
 * the web process runs pending migrations and seeds the demo workspace
 * before it serves, then starts the job workers and prints where to go.
 */
export default class AppBootstrapProvider {
  constructor(protected app: ApplicationService) {}

  #servesHttp() {
    return this.app.getEnvironment() === 'web'
  }

  /** Job workers stop before any provider closes the database under them. */
  register() {
    this.app.terminating(async () => {
      const { default: jobs } = await import('#core/jobs')
      await jobs.stop()
    })
  }

  async start() {
    if (!this.#servesHttp()) return
    const embedded = !env.get('DATABASE_URL')
    if (!embedded && process.env.AUTO_MIGRATE !== 'true') return
    const { runPendingMigrations } = await import('#database/migrate')
    await runPendingMigrations(this.app)
    if (embedded && this.app.inDev) {
      const { seedDemoWorkspaceIfEmpty } = await import('#database/seeders/demo_seeder')
      await seedDemoWorkspaceIfEmpty()
    }
  }

  async ready() {
    if (!this.#servesHttp()) return
    const [{ default: jobs }, { jobsConnection }] = await Promise.all([
      import('#core/jobs'),
      import('#database/jobs_connection'),
    ])
    await jobs.start(jobsConnection(), { work: true })
    if (!env.get('DATABASE_URL') && this.app.inDev) {
      const { DEMO_LOGIN } = await import('#database/seeders/demo_seeder')
      const url = await this.#listeningUrl()
      console.log(
        [
          '',
          `  Vaultdesk is running at ${url}`,
          `  Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`,
          `  Mails sent in development: ${url}/dev/mailbox`,
          '',
        ].join('\n')
      )
    }
  }

  /** The address actually bound (the serve command picks another port when the default is busy). */
  async #listeningUrl() {
    const server = await this.app.container.make('server')
    const address = server.getNodeServer()?.address()
    if (address && typeof address === 'object') return `http://${env.get('HOST')}:${address.port}`
    return env.get('APP_URL')
  }
}
