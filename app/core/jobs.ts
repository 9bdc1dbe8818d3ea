/**
 * Background jobs on pg-boss, in the same PostgreSQL as everything else.
 * Modules register handlers (start/jobs.ts); actions dispatch by name.
 *
 * Modes: `pgboss` (default) queues the job for a worker — the web process
 * works queues itself, `node ace jobs:work` runs a separate worker; `inline`
 * (tests) runs the handler at once in the calling process, like a sync
 * queue driver, so a test sees the effect without polling.
 */
import { PgBoss, type Job } from 'pg-boss'
import logger from '@adonisjs/core/services/logger'

export type JobHandler<Data> = (data: Data, job?: Job<Data>) => Promise<void>

interface Registration {
  handler: JobHandler<any>
  cron?: string
  retryLimit: number
}

export interface JobsConnection {
  connectionString?: string
  host?: string
  port?: number
  user?: string
  password?: string
  database?: string
}

export class Jobs {
  #registrations = new Map<string, Registration>()
  #boss?: PgBoss
  #mode: 'pgboss' | 'inline' = 'pgboss'

  register<Data extends object>(name: string, handler: JobHandler<Data>, options: { cron?: string; retryLimit?: number } = {}) {
    this.#registrations.set(name, { handler, cron: options.cron, retryLimit: options.retryLimit ?? 3 })
  }

  registered() {
    return [...this.#registrations.keys()]
  }

  useInline() {
    this.#mode = 'inline'
  }

  get isStarted() {
    return Boolean(this.#boss)
  }

  /** Connects pg-boss, creates the queues and schedules; with `work`, also processes them. */
  async start(connection: JobsConnection, options: { work: boolean; pollingIntervalSeconds?: number }) {
    if (this.#boss) return this.#boss
    const boss = new PgBoss({ ...connection, max: 4, schema: 'pgboss' })
    boss.on('error', (error) => logger.error({ err: error }, 'job queue error'))
    await boss.start()
    for (const [name, registration] of this.#registrations) {
      await boss.createQueue(name, { retryLimit: registration.retryLimit, retryBackoff: true })
      if (registration.cron) await boss.schedule(name, registration.cron)
      if (options.work) {
        await boss.work<object>(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (jobs) => {
          for (const job of jobs) await this.#run(name, job.data, job)
        })
      }
    }
    this.#boss = boss
    return boss
  }

  async stop() {
    const boss = this.#boss
    this.#boss = undefined
    await boss?.stop({ graceful: true, timeout: 5000 })
  }

  /** Queues a job (or, inline, runs it now). Payloads hold ids, never personal content. */
  async dispatch<Data extends object>(name: string, data: Data, options: { startAfterSeconds?: number } = {}) {
    if (!this.#registrations.has(name)) throw new Error(`Unknown job "${name}"`)
    if (this.#mode === 'inline') {
      await this.#run(name, data)
      return null
    }
    if (!this.#boss) throw new Error('The job queue is not started')
    return this.#boss.send(name, data, { startAfter: options.startAfterSeconds })
  }

  async #run(name: string, data: object, job?: Job<object>) {
    const registration = this.#registrations.get(name)!
    try {
      await registration.handler(data, job)
    } catch (error) {
      logger.error({ job: name, jobId: job?.id, err: error }, 'job failed')
      throw error
    }
  }
}

const jobs = new Jobs()
export default jobs
