import { test } from '@japa/runner'
import { spawn, type ChildProcess } from 'node:child_process'
import { rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import env from '#start/env'

/**
 * `npm start` on a fresh embedded database: the web process migrates, seeds
 * the demo workspace and only then prints its banner. Regression test for a
 * seeding step that read outside its open transaction: on PGlite's single
 * connection that read waited forever and `npm start` hung. The suite's own
 * tests run inside one global transaction and cannot see such a hang, so
 * this test boots the real server (bin/server.ts, development mode) in a
 * child process on its own in-memory PGlite and ports, waits for the
 * banner, checks the demo workspace answers, and kills the child (a
 * process holding an embedded database never exits by itself).
 */
/** About 20 s on an idle two-core machine; generous because parallel test runs can slow it threefold. A hang never ends. */
const BOOT_BUDGET_MS = 150_000

function stopChild(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

test.group('Demo workspace on a fresh embedded database', () => {
  test('npm start migrates, seeds the demo workspace and serves it without hanging', async ({ assert, cleanup }) => {
    // Ports next to this run's own (PORT / PGLITE_PORT + 1), so parallel runs with their own ports never collide.
    const port = env.get('PORT') + 1
    const pglitePort = (env.get('PGLITE_PORT') ?? 54330) + 1
    const scratch = `tmp/demo-seed-${process.pid}`
    const child = spawn(process.execPath, ['--import=@poppinss/ts-exec', '--enable-source-maps', 'bin/server.ts'], {
      cwd: app.makePath(),
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TZ: 'UTC',
        // What `npm start` sees on a newcomer's machine, minus the shared storage/ folder (the rest comes from .env).
        NODE_ENV: 'development',
        HOST: 'localhost',
        PORT: String(port),
        APP_URL: `http://localhost:${port}`,
        DATABASE_URL: '',
        PGLITE_DATA_DIR: 'memory://',
        PGLITE_PORT: String(pglitePort),
        DRIVE_LOCAL_ROOT: `${scratch}/files`,
        VAULT_LEDGER_PATH: `${scratch}/destructions.jsonl`,
        // Mails go to this run's SMTP sink rather than storage/dev-mailbox.
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(env.get('SMTP_PORT') ?? 2526),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    cleanup(async () => {
      await stopChild(child)
      await rm(app.makePath(scratch), { recursive: true, force: true })
    })

    let output = ''
    const banner = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner within ${BOOT_BUDGET_MS / 1000} s: the boot or the demo seeding hangs`)), BOOT_BUDGET_MS)
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        const match = output.match(/Vaultdesk is running at (http:\/\/\S+)/)
        if (match) {
          clearTimeout(timer)
          resolve(match[1])
        }
      }
      child.stdout!.on('data', onData)
      child.stderr!.on('data', onData)
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        reject(new Error(`the server exited (${code ?? signal}) before it was ready`))
      })
    })
    const started = Date.now()
    const url = await banner.catch((error: Error) => {
      throw new Error(`${error.message}\n--- server output ---\n${output.slice(-4000)}`)
    })
    console.log(`demo seed: server ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    assert.notMatch(output, /\bE_[A-Z_]+|Error:/, 'no error while booting and seeding')

    // The seeded workspace is there, and the single connection is free to serve requests.
    // (An Inertia visit answers JSON: plain HTML would need Vite, which only `ace serve` starts.)
    const inertiaVisit = async (path: string) => {
      const visit = (version: string) =>
        fetch(`${url}${path}`, { headers: { 'x-inertia': 'true', 'x-inertia-version': version, 'accept': 'text/html, application/json' }, signal: AbortSignal.timeout(15_000) })
      const first = await visit('')
      // 409 names the assets version to ask with, as the Inertia client would.
      return first.status === 409 ? visit(first.headers.get('x-inertia-version') ?? '') : first
    }
    const portal = await inertiaVisit('/privacy/acme')
    assert.equal(portal.status, 200)
    const page = (await portal.json()) as { component: string; props: { organisation: string } }
    assert.equal(page.component, 'privacy/portal')
    assert.equal(page.props.organisation, 'Acme Support')
    const login = await inertiaVisit('/login')
    assert.equal(login.status, 200)
  }).timeout(BOOT_BUDGET_MS + 30_000)
})
