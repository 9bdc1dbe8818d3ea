import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Runs background jobs in a process of its own (the web process also works
 * the queues, so this is for scaling out). Stops cleanly on SIGTERM/SIGINT.
 */
export default class JobsWork extends BaseCommand {
  static commandName = 'jobs:work'
  static description = 'Work the pg-boss job queues until stopped'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  async run() {
    const { default: jobs } = await import('#core/jobs')
    const { jobsConnection } = await import('#database/jobs_connection')
    await jobs.start(jobsConnection(), { work: true })
    this.logger.info(`working queues: ${jobs.registered().join(', ')}`)
    // Workers stop in the app's terminating hook (providers/app_bootstrap_provider.ts).
    process.once('SIGINT', () => this.app.terminate())
  }
}
