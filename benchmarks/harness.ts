/**
 * What every benchmark does before it measures: point the app at a throwaway
 * database (an in-memory embedded one unless DATABASE_URL is set, then the
 * schema is migrated), boot it in this process with its HTTP server on
 * loopback, stop the job workers (their polling would share the database
 * with the measured work), and log with elapsed time.
 */
import 'reflect-metadata'
import { performance } from 'node:perf_hooks'
import { Ignitor } from '@adonisjs/core'
import type { ApplicationService } from '@adonisjs/core/types'
import type { Router } from '@adonisjs/core/http'

const APP_ROOT = new URL('../', import.meta.url)
const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) return import(new URL(filePath, APP_ROOT).href)
  return import(filePath)
}

export interface BenchOptions {
  /** Defaults of BENCH_PORT and BENCH_PGLITE_PORT, one pair per benchmark so they can run side by side. */
  port: number
  pglitePort: number
  /** 'production' measures the app as deployed; 'test' skips the development demo seed too. */
  nodeEnv?: 'production' | 'test'
  /** Routes only the benchmark has (a bare route to compare against), added before the router commits. */
  routes?: (router: Router) => void
}

const started = performance.now()
export const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`
export const log = (message: string) => console.log(`[${elapsed()}] ${message}`)
export const embedded = !process.env.DATABASE_URL

/** Environment for a benchmark run; call before anything reads the environment. */
export function prepareBenchEnv(options: Pick<BenchOptions, 'port' | 'pglitePort' | 'nodeEnv'>) {
  if (embedded) {
    // A throwaway embedded database, never the development one.
    process.env.PGLITE_DATA_DIR = 'memory://'
    process.env.PGLITE_PORT = process.env.BENCH_PGLITE_PORT ?? String(options.pglitePort)
  } else {
    process.env.AUTO_MIGRATE = 'true'
  }
  process.env.PORT = process.env.BENCH_PORT ?? String(options.port)
  process.env.HOST = '127.0.0.1'
  process.env.LOG_LEVEL = 'warn'
  process.env.JOBS_MODE = 'inline'
  if (options.nodeEnv) process.env.NODE_ENV = options.nodeEnv
  delete process.env.ACE_COMMAND
}

/** Boots the app with its HTTP server; returns it once the job workers are stopped. */
export async function bootBenchApp(options: BenchOptions): Promise<ApplicationService> {
  prepareBenchEnv(options)
  const ignitor = new Ignitor(APP_ROOT, { importer: IMPORTER }).tap((app) => {
    app.booting(async () => void (await import('#start/env')))
    if (options.routes) app.starting(async () => options.routes!(await app.container.make('router')))
  })
  await ignitor.httpServer().start()
  const app = ignitor.getApp()!
  await (await import('#core/jobs')).default.stop()
  log(`app up on ${embedded ? 'the embedded database (in memory)' : 'DATABASE_URL'}`)
  return app
}

/** Boots the app without an HTTP server (console), for benchmarks of in-process work. */
export async function bootBenchConsole(options: Pick<BenchOptions, 'pglitePort'>) {
  if (embedded) {
    process.env.PGLITE_DATA_DIR = 'memory://'
    process.env.PGLITE_PORT = process.env.BENCH_PGLITE_PORT ?? String(options.pglitePort)
  }
  process.env.LOG_LEVEL = 'warn'
  const app = new Ignitor(APP_ROOT, { importer: IMPORTER })
    .tap((application) => application.booting(async () => void (await import('#start/env'))))
    .createApp('console')
  await app.init()
  await app.boot()
  await app.start(() => {})
  return app
}

/** Cookies a benchmark's HTTP client keeps between requests (sign-in, then the measured calls). */
export function cookieJar() {
  const jar = new Map<string, string>()
  return {
    keep(response: Response) {
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';')
        const at = pair.indexOf('=')
        jar.set(pair.slice(0, at), pair.slice(at + 1))
      }
    },
    get: (name: string) => jar.get(name),
    header: () => [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
  }
}
