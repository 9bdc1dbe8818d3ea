/**
 * npm run bench:widget — chat round trips under 200 concurrent widget sessions.
 *
 * Starts the app in this process (as deployed: production mode, no Vite) on
 * loopback, creates a workspace with an agent and a widget, signs the agent
 * in and subscribes to the workspace's inbox channel (@adonisjs/transmit SSE),
 * opens 200 widget sessions from an allowed origin, then measures:
 *   1. visitor sends (POST /widget/:id/messages) → the agent's inbox stream
 *      receives `message.created` for that message: p50 / p95;
 *   2. the same 200 concurrent clients against a bare echo endpoint in the same run.
 * Runs on a fresh in-memory embedded database unless DATABASE_URL is set (its
 * rows are deleted afterwards). Options (env): BENCH_SESSIONS (200), BENCH_ROUNDS (5).
 */
import 'reflect-metadata'
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { bootBenchApp, cookieJar, embedded, log } from './harness.ts'

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 200)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const PORT = Number(process.env.BENCH_PORT ?? 3399)
const ORIGIN = 'https://shop.bench.test'
const PASSWORD = 'bench-widget-password'
// Under /api/: like the widget API, no CSRF cookie check (clients send no cookies)
const ECHO_PATH = '/api/__bench/echo'

// Every simulated visitor comes from 127.0.0.1: lift the per-IP limits (per-session limits stay).
process.env.WIDGET_SESSIONS_PER_IP = String(SESSIONS * 2)
process.env.WIDGET_MESSAGES_PER_IP = String(SESSIONS * (ROUNDS + 2) * 2)
const app = await bootBenchApp({
  port: PORT,
  pglitePort: 54399,
  nodeEnv: 'production',
  routes: (router) => router.post(ECHO_PATH, ({ request }) => ({ body: request.input('body') })),
})
const { default: db } = await import('@adonisjs/lucid/services/db')
const { User, Workspace, Membership } = await import('#identity/index')
const { EnsureWorkspaceKeys } = await import('#vault/index')
const { default: SaveWidget } = await import('#channels/actions/save_widget')
const base = `http://127.0.0.1:${PORT}`
const runId = randomUUID().slice(0, 8)
let workspaceId: string | null = null
let userId: string | null = null
const abort = new AbortController()
try {
  const workspace = await Workspace.create({ name: `Bench widget ${runId}`, slug: `bench-widget-${runId}`, timezone: 'UTC' })
  workspaceId = workspace.id
  await new EnsureWorkspaceKeys().handle(workspace.id)
  const email = `agent.${runId}@bench.test`
  const user = await User.create({ email, fullName: 'Bench Agent', password: PASSWORD, emailVerifiedAt: (await import('luxon')).DateTime.now() })
  userId = user.id
  await Membership.create({ workspaceId: workspace.id, userId: user.id, role: 'agent' })
  const { widget } = await new SaveWidget().handle(workspace.id, { name: 'Bench', color: '#4c6ef5', greeting: 'Hi', allowedOrigins: [ORIGIN], aiEnabled: false })

  // The agent's inbox stream: arrival time of each message id.
  const { cookies, xsrf } = await logIn(email)
  const arrivals = new Map<string, number>()
  const uid = randomUUID()
  const stream = await fetch(`${base}/__transmit/events?uid=${uid}`, { headers: { cookie: cookies }, signal: abort.signal })
  if (stream.status !== 200) throw new Error(`inbox stream answered ${stream.status}`)
  void readStream(stream, (data) => {
    const messageId = data?.payload?.messageId
    if (data?.payload?.type === 'message.created' && messageId) arrivals.set(messageId, performance.now())
  })
  const subscribed = await fetch(`${base}/__transmit/subscribe`, {
    method: 'POST',
    headers: { 'cookie': cookies, 'x-xsrf-token': xsrf, 'content-type': 'application/json' },
    body: JSON.stringify({ uid, channel: `helpdesk/workspaces/${workspace.id}` }),
  })
  if (subscribed.status !== 204 && subscribed.status !== 200) throw new Error(`subscribe answered ${subscribed.status}`)

  const api = `${base}/widget/${widget.id}`
  const call = async (path: string, token: string | null, body?: object) => {
    const response = await fetch(`${api}${path}`, {
      method: 'POST',
      headers: { 'origin': ORIGIN, 'content-type': 'application/json', 'accept': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    const data = (await response.json()) as any
    if (response.status !== 201) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(data)}`)
    return data
  }
  const tokens = await Promise.all(Array.from({ length: SESSIONS }, async () => (await call('/sessions', null)).token as string))
  // First messages open the tickets (not measured).
  await Promise.all(tokens.map((token, index) => call('/messages', token, { body: `Hello from visitor ${index}` })))
  log(`${SESSIONS} sessions open, each with its ticket`)

  const roundTrips: number[] = []
  const echoTrips: number[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    const sent = await Promise.all(
      tokens.map(async (token, index) => {
        const start = performance.now()
        const { message } = await call('/messages', token, { body: `Round ${round} from visitor ${index}` })
        return { id: message.id as string, start }
      })
    )
    await waitFor(() => sent.every(({ id }) => arrivals.has(id)), 30_000)
    for (const { id, start } of sent) roundTrips.push(arrivals.get(id)! - start)
    const echoes = await Promise.all(
      tokens.map(async (_token, index) => {
        const start = performance.now()
        const response = await fetch(`${base}${ECHO_PATH}`, { method: 'POST', headers: { 'origin': ORIGIN, 'content-type': 'application/json', 'accept': 'application/json' }, body: JSON.stringify({ body: `Round ${round} from visitor ${index}` }) })
        await response.arrayBuffer()
        return performance.now() - start
      })
    )
    echoTrips.push(...echoes)
    log(`round ${round}: message → inbox p50 ${percentile(roundTrips.slice(-SESSIONS), 50).toFixed(1)} ms; echo p50 ${percentile(echoes, 50).toFixed(1)} ms`)
  }
  console.log('')
  console.log(`Widget benchmark (${embedded ? 'embedded PGlite' : 'PostgreSQL'}; ${SESSIONS} concurrent sessions, ${ROUNDS} rounds, ${roundTrips.length} messages)`)
  console.log(`  visitor sends → agent inbox event   p50 ${percentile(roundTrips, 50).toFixed(1)} ms, p95 ${percentile(roundTrips, 95).toFixed(1)} ms`)
  console.log(`  bare echo endpoint, same clients     p50 ${percentile(echoTrips, 50).toFixed(1)} ms, p95 ${percentile(echoTrips, 95).toFixed(1)} ms`)
} finally {
  abort.abort()
  if (!embedded && !process.env.BENCH_KEEP) {
    if (workspaceId) {
      await db.from('workspaces').where('id', workspaceId).delete()
      for (const table of ['vault_subject_keys', 'vault_keys']) await db.from(table).where('workspace_id', workspaceId).delete().catch(() => null)
    }
    if (userId) await db.from('users').where('id', userId).delete()
  }
  await app.terminate()
}

async function readStream(response: Response, onData: (data: any) => void) {
  const decoder = new TextDecoder()
  let buffer = ''
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true })
      let end
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const data = event.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n')
        if (data) onData(JSON.parse(data))
      }
    }
  } catch {
    // aborted at the end of the run
  }
}

async function logIn(email: string) {
  const jar = cookieJar()
  const { keep, header } = jar
  const first = await fetch(`${base}/login`, { redirect: 'manual', headers: { 'x-inertia': 'true' } })
  keep(first)
  const version = first.headers.get('x-inertia-version') ?? ''
  keep(await fetch(`${base}/login`, { redirect: 'manual', headers: { 'x-inertia': 'true', 'x-inertia-version': version, 'cookie': header() } }))
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/json', 'cookie': header(), 'x-xsrf-token': decodeURIComponent(jar.get('XSRF-TOKEN') ?? ''), 'accept': 'text/html' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  keep(response)
  if (response.status !== 302 || response.headers.get('location')?.includes('/login')) throw new Error(`login answered ${response.status}`)
  return { cookies: header(), xsrf: decodeURIComponent(jar.get('XSRF-TOKEN') ?? '') }
}

async function waitFor(condition: () => boolean, timeoutMs: number) {
  const until = performance.now() + timeoutMs
  while (!condition()) {
    if (performance.now() > until) throw new Error('the inbox stream missed messages')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (p / 100) * (sorted.length - 1)
  const low = Math.floor(rank)
  return sorted[low] + (sorted[Math.ceil(rank)] - sorted[low]) * (rank - low)
}
