/**
 * npm run bench:inbox — the inbox under a realistic volume, measured side by side in one run.
 *
 * Seeds one workspace with 100,000 tickets and 500,000 messages (plus 9 other
 * workspaces of 10,000 tickets each) with bulk SQL inserts. Every encrypted
 * column holds real vault ciphertext, sealed with the contact's own key (the
 * associated data binds each value to its row, so values cannot be reused
 * across rows: each is sealed once, in memory, then inserted in batches).
 *
 * Then, against the app's HTTP server running in this process:
 *   1. throughput of the inbox list (GET /w/:ws/inbox?status=open&assignee=<agent>,
 *      page of 50, as Inertia JSON) vs a bare route returning the same number of
 *      bytes from a constant, taking turns in half-second slices (target >= 0.5x);
 *   2. p50 / p95 latency of opening one ticket with 50 messages (GET /w/:ws/inbox/:id).
 *
 * BENCH_REUSE=1 measures on the data a BENCH_KEEP=1 run left.
 * Runs on a fresh in-memory embedded database unless DATABASE_URL is set; on a
 * real database its workspaces, users and keys are deleted afterwards.
 * Options (env): BENCH_SECONDS (per round, default 3), BENCH_ROUNDS (5),
 * BENCH_CONCURRENCY (8), BENCH_SCALE (1 = full volume; 0.1 for a quick try).
 */
import 'reflect-metadata'
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { bootBenchApp, cookieJar, elapsed, embedded, log } from './harness.ts'

const SCALE = Number(process.env.BENCH_SCALE ?? 1)
const MAIN_TICKETS = Math.round(100_000 * SCALE)
const MAIN_MESSAGES = Math.round(500_000 * SCALE)
const OTHER_WORKSPACES = 9
const OTHER_TICKETS = Math.round(10_000 * SCALE)
const CONTACTS_MAIN = Math.round(2_000 * Math.max(SCALE, 0.1))
const CONTACTS_OTHER = 200
const AGENTS = 5
const OPENED_TICKET_MESSAGES = 50
const ROUND_SECONDS = Number(process.env.BENCH_SECONDS ?? 3)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
/** Inbox and bare route alternate in slices this long within a round. */
const SLICE_SECONDS = 0.5
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8)
const LATENCY_SAMPLES = 200
const PORT = Number(process.env.BENCH_PORT ?? 3398)
const PASSWORD = 'bench-inbox-password'
const BATCH = 5_000
const BARE_PATH = '/__bench/bare'

/** Column types for the bulk inserts (INSERT ... SELECT FROM unnest of one array per column). */
const COLUMN_TYPES: Record<string, string> = {
  id: 'uuid', workspace_id: 'uuid', contact_id: 'uuid', ticket_id: 'uuid', assignee_user_id: 'uuid', author_user_id: 'uuid',
  number: 'int', version: 'int', created_at: 'timestamptz', updated_at: 'timestamptz', resolved_at: 'timestamptz',
  closed_at: 'timestamptz', last_message_at: 'timestamptz',
}

// The bare route is added before the router commits its routes.
let bareBody = Buffer.alloc(0)
// Measure the app as it is deployed: no Vite dev server in front of every request.
const app = await bootBenchApp({
  port: PORT,
  pglitePort: 54397,
  nodeEnv: 'production',
  routes: (router) => router.get(BARE_PATH, ({ response }) => response.header('content-type', 'application/json; charset=utf-8').send(bareBody)),
})

const { default: db } = await import('@adonisjs/lucid/services/db')
const { User, Workspace, Membership } = await import('#identity/index')
const { EnsureWorkspaceKeys, keyStore, blindIndexFor } = await import('#vault/index')
const { sealField } = await import('#vault/services/field_cipher')
const { sodiumReady } = await import('#vault/services/sodium')

await sodiumReady()
const runId = randomUUID().slice(0, 8)
const createdWorkspaces: string[] = []
const createdUsers: string[] = []

try {
  const reused = process.env.BENCH_REUSE ? await reuseWorkspace() : null
  const main = reused ?? (await seedWorkspace(`bench-inbox-${runId}`, MAIN_TICKETS, MAIN_MESSAGES, CONTACTS_MAIN, true))
  for (let index = 0; index < (reused ? 0 : OTHER_WORKSPACES); index++) {
    await seedWorkspace(`bench-other-${index}-${runId}`, OTHER_TICKETS, OTHER_TICKETS, CONTACTS_OTHER, false)
  }
  // What autovacuum does to a live database after a bulk load: statistics, and the
  // visibility map that lets counts run as index-only scans.
  log('vacuuming and analyzing tables')
  await db.rawQuery('VACUUM ANALYZE tickets, ticket_messages, ticket_tags, contacts, vault_subject_keys')

  const base = `http://127.0.0.1:${PORT}`
  const cookies = await logIn(base, main.agentEmail)
  const listUrl = `${base}/w/${main.slug}/inbox?status=open&assignee=${main.agentId}`
  const openUrl = `${base}/w/${main.slug}/inbox/${main.openedTicketId}`
  const version = await inertiaVersion(`${base}/w/${main.slug}/inbox`, cookies)
  const inertiaHeaders = { cookie: cookies, 'x-inertia': 'true', 'x-inertia-version': version, accept: 'text/html, application/xhtml+xml' }

  const sample = await fetch(listUrl, { headers: inertiaHeaders })
  const sampleBody = Buffer.from(await sample.arrayBuffer())
  if (sample.status !== 200) throw new Error(`inbox list answered ${sample.status}: ${sampleBody.toString().slice(0, 300)}`)
  const page = JSON.parse(sampleBody.toString())
  bareBody = Buffer.alloc(sampleBody.length, 0x20)
  bareBody.write('{}')
  log(`inbox list: ${page.props.tickets.length} tickets on the page, ${page.props.pagination.total} matching, ${sampleBody.length} bytes`)
  // The total comes from the queue counts the triggers keep: it must be what counting the tickets says.
  const [{ count }] = await db.from('tickets').where({ workspace_id: main.workspaceId, status: 'open', assignee_user_id: main.agentId }).count('* as count')
  if (Number(count) !== page.props.pagination.total) throw new Error(`the inbox total ${page.props.pagination.total} is not the ${count} matching tickets`)

  // Round trips to the database per request (the main cost the list adds over the bare route).
  const statementsOf = async (url: string, headers: Record<string, string>) => {
    const knex = db.connection().getWriteClient()
    const statements: string[] = []
    const listener = (query: { sql: string }) => statements.push(query.sql)
    knex.on('query', listener)
    await (await fetch(url, { headers })).arrayBuffer()
    knex.removeListener('query', listener)
    return statements
  }
  const listStatements = await statementsOf(listUrl, inertiaHeaders)
  const bareStatements = await statementsOf(`${base}${BARE_PATH}`, { cookie: cookies })
  log(`statements per request: inbox list ${listStatements.length}, bare route ${bareStatements.length}`)
  if (process.env.BENCH_MARKS) console.log(listStatements.map((sql) => `  ${sql.slice(0, 160)}`).join('\n'))

  // Warm both paths (key caches, query plans, JIT) before measuring.
  await load(listUrl, inertiaHeaders, 1)
  await load(`${base}${BARE_PATH}`, { cookie: cookies }, 1)

  // The REST API's ticket list (same ListTickets action), with a page of 50.
  const { default: CreateApiToken } = await import('#helpdesk/api/actions/create_api_token')
  const token = await new CreateApiToken().handle({ workspaceId: main.workspaceId, createdById: main.agentId, name: 'bench', scopes: ['tickets:read'], expiresInDays: 7, requestsPerMinute: 10_000_000 })
  const apiUrl = `${base}/api/v1/tickets?status=open&assignee_id=${main.agentId}&per_page=50`
  const apiHeaders = { authorization: `Bearer ${token.secret}`, accept: 'application/json' }
  const apiSample = await fetch(apiUrl, { headers: apiHeaders })
  const apiBytes = (await apiSample.arrayBuffer()).byteLength
  if (apiSample.status !== 200) throw new Error(`API list answered ${apiSample.status}`)
  await load(apiUrl, apiHeaders, 1)

  const inbox: number[] = []
  const bare: number[] = []
  const api: number[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    // Inbox and bare route take turns in short slices, so both see the same machine (its speed drifts
    // by tens of percent over seconds on a shared host); each rate sums its slices.
    const slices = { inbox: { done: 0, seconds: 0 }, bare: { done: 0, seconds: 0 } }
    for (let slice = 0; slice < ROUND_SECONDS / SLICE_SECONDS; slice++) {
      for (const [name, url, headers] of [['inbox', listUrl, inertiaHeaders], ['bare', `${base}${BARE_PATH}`, { cookie: cookies }]] as const) {
        const { done, seconds } = await load(url, headers, SLICE_SECONDS)
        slices[name].done += done
        slices[name].seconds += seconds
      }
    }
    inbox.push(slices.inbox.done / slices.inbox.seconds)
    bare.push(slices.bare.done / slices.bare.seconds)
    api.push(rateOf(await load(apiUrl, apiHeaders, ROUND_SECONDS)))
    log(`round ${round}: inbox ${inbox.at(-1)!.toFixed(1)} req/s, bare ${bare.at(-1)!.toFixed(1)} req/s, API list ${api.at(-1)!.toFixed(1)} req/s`)
  }

  const opened = await fetch(openUrl, { headers: inertiaHeaders })
  const openedPage = (await opened.json()) as any
  if (opened.status !== 200 || openedPage.props.selected?.messages?.length !== OPENED_TICKET_MESSAGES) {
    throw new Error(`opening the ticket answered ${opened.status} with ${openedPage.props?.selected?.messages?.length} messages`)
  }
  const latencies: number[] = []
  for (let index = 0; index < LATENCY_SAMPLES; index++) {
    const start = performance.now()
    const response = await fetch(openUrl, { headers: inertiaHeaders })
    await response.arrayBuffer()
    latencies.push(performance.now() - start)
  }

  const inboxRate = median(inbox)
  const bareRate = median(bare)
  const ratio = inboxRate / bareRate
  console.log('')
  console.log(`Inbox benchmark (${embedded ? 'embedded PGlite' : 'PostgreSQL'}; ${MAIN_TICKETS.toLocaleString()} tickets / ${MAIN_MESSAGES.toLocaleString()} messages in the workspace, ${(OTHER_WORKSPACES * OTHER_TICKETS).toLocaleString()} tickets elsewhere; concurrency ${CONCURRENCY}, ${ROUNDS} x ${ROUND_SECONDS} s rounds)`)
  console.log(`  inbox list (open, one assignee; the inbox's page of ${page.props.tickets.length})  ${inboxRate.toFixed(1)} req/s  (median of rounds)`)
  console.log(`  bare route, same ${sampleBody.length} bytes from a constant   ${bareRate.toFixed(1)} req/s`)
  console.log(`  ratio inbox / bare                            ${ratio.toFixed(2)}x  (target >= 0.5x: ${ratio >= 0.5 ? 'met' : 'NOT met'})`)
  // Each round's pair ran in alternating slices: the spread of their ratios is what remains of the machine's drift.
  console.log(`  ratio in each round                           ${inbox.map((rate, index) => (rate / bare[index]).toFixed(2)).join(', ')}`)
  console.log(`  REST API ticket list (same filter, 50/page)   ${median(api).toFixed(1)} req/s, ${apiBytes} bytes  (${(median(api) / bareRate).toFixed(2)}x the bare route)`)
  console.log(`  open a ticket with ${OPENED_TICKET_MESSAGES} messages               p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms  (${LATENCY_SAMPLES} sequential requests)`)
  console.log(`  total run time                                ${elapsed()}`)
} finally {
  if (!embedded) await cleanUp()
  await app.terminate()
}

/* ---------------------------------------------------------------- seeding */

interface SeededWorkspace {
  workspaceId: string
  slug: string
  agentId: string
  agentEmail: string
  openedTicketId: string
}

async function seedWorkspace(slug: string, ticketCount: number, messageCount: number, contactCount: number, withOpenedTicket: boolean): Promise<SeededWorkspace> {
  const workspace = await Workspace.create({ name: `Bench ${slug}`, slug, timezone: 'UTC' })
  createdWorkspaces.push(workspace.id)
  await new EnsureWorkspaceKeys().handle(workspace.id)
  const agents: string[] = []
  let agentEmail = ''
  for (let index = 0; index < (withOpenedTicket ? AGENTS : 2); index++) {
    const email = `agent${index}.${slug}@bench.test`
    const user = await User.create({ email, fullName: `Agent ${index} ${slug}`, password: PASSWORD, emailVerifiedAt: (await import('luxon')).DateTime.now() })
    createdUsers.push(user.id)
    await Membership.create({ workspaceId: workspace.id, userId: user.id, role: index === 0 ? 'owner' : 'agent' })
    agents.push(user.id)
    if (index === 1) agentEmail = email
  }
  await db.table('helpdesk_settings').insert({ workspace_id: workspace.id, last_ticket_number: ticketCount })

  // Contacts, each with its own subject key.
  const contacts: { id: string; key: Uint8Array; version: number }[] = []
  let rows: Record<string, unknown>[] = []
  for (let index = 0; index < contactCount; index++) {
    const id = randomUUID()
    const subjectKey = await keyStore.subjectKey(workspace.id, { type: 'contact', id }, { create: true })
    contacts.push({ id, key: subjectKey.key, version: subjectKey.version })
    const email = `customer${index}@${slug}.test`
    const now = new Date()
    rows.push({
      id,
      workspace_id: workspace.id,
      name: seal(subjectKey, workspace.id, 'contacts', 'name', id, `Customer ${index}`),
      email: seal(subjectKey, workspace.id, 'contacts', 'email', id, email),
      email_index: await blindIndexFor(workspace.id, 'email', email),
      created_at: now,
      updated_at: now,
    })
    if (rows.length === BATCH) rows = await flush('contacts', rows)
  }
  await flush('contacts', rows)

  // Tickets: mostly spread over 90 days; statuses and assignees mixed.
  const statuses = ['open', 'open', 'open', 'pending', 'resolved', 'resolved', 'resolved', 'resolved', 'closed', 'closed']
  const tickets: { id: string; contact: (typeof contacts)[number]; createdAt: Date }[] = []
  const now = Date.now()
  rows = []
  for (let index = 0; index < ticketCount; index++) {
    const id = randomUUID()
    const contact = contacts[index % contacts.length]
    const createdAt = new Date(now - Math.floor(((ticketCount - index) / ticketCount) * 90 * 86_400_000))
    const status = statuses[index % statuses.length]
    tickets.push({ id, contact, createdAt })
    rows.push({
      id,
      workspace_id: workspace.id,
      number: index + 1,
      contact_id: contact.id,
      subject: seal(contact, workspace.id, 'tickets', 'subject', id, `Order ${index} did not arrive, please help`),
      status,
      priority: index % 7 === 0 ? 'high' : 'normal',
      channel: index % 3 === 0 ? 'chat' : 'email',
      assignee_user_id: index % 6 === 5 ? null : agents[index % agents.length],
      version: 1,
      resolved_at: status === 'resolved' || status === 'closed' ? createdAt : null,
      closed_at: status === 'closed' ? createdAt : null,
      last_message_at: createdAt,
      created_at: createdAt,
      updated_at: createdAt,
    })
    if (rows.length === BATCH) rows = await flush('tickets', rows)
  }
  await flush('tickets', rows)

  // Messages: the opened ticket gets exactly 50 (it is open and assigned to the agent); the rest are spread evenly.
  const opened = withOpenedTicket ? tickets[tickets.length - 1] : null
  if (opened) await db.from('tickets').where('id', opened.id).update({ status: 'open', assignee_user_id: agents[1], resolved_at: null, closed_at: null })
  const others = opened ? tickets.slice(0, -1) : tickets
  const plan: { ticket: (typeof tickets)[number]; offset: number }[] = []
  if (opened) for (let index = 0; index < OPENED_TICKET_MESSAGES; index++) plan.push({ ticket: opened, offset: index })
  for (let index = 0; plan.length < messageCount; index++) plan.push({ ticket: others[index % others.length], offset: Math.floor(index / others.length) })
  rows = []
  for (const { ticket, offset } of plan) {
    const id = randomUUID()
    const inbound = offset % 2 === 0
    rows.push({
      id,
      workspace_id: workspace.id,
      ticket_id: ticket.id,
      contact_id: ticket.contact.id,
      kind: inbound ? 'inbound' : 'outbound',
      author_user_id: inbound ? null : agents[offset % agents.length],
      body: seal(ticket.contact, workspace.id, 'ticket_messages', 'body', id, `Message ${offset} about this order. Thanks for the quick help, it is much appreciated by the whole team here.`),
      created_at: new Date(ticket.createdAt.getTime() + offset * 60_000),
    })
    if (rows.length === BATCH) rows = await flush('ticket_messages', rows)
  }
  await flush('ticket_messages', rows)
  log(`seeded ${slug}: ${contactCount} contacts, ${ticketCount} tickets, ${plan.length} messages`)
  return { workspaceId: workspace.id, slug, agentId: agents[1], agentEmail, openedTicketId: opened?.id ?? '' }
}

/** BENCH_REUSE=1: measure on the main workspace a BENCH_KEEP run left (its data is not deleted afterwards either). */
async function reuseWorkspace(): Promise<SeededWorkspace> {
  process.env.BENCH_KEEP = '1'
  const workspace = await Workspace.query().where('slug', 'like', 'bench-inbox-%').orderBy('created_at', 'desc').firstOrFail()
  const members = await Membership.query().where('workspace_id', workspace.id).where('role', 'agent').preload('user')
  const agent = members.find((member) => member.user.fullName.startsWith('Agent 1 '))!.user
  const [opened] = await db.from('tickets').where('workspace_id', workspace.id).orderBy('number', 'desc').limit(1).select('id')
  log(`reusing ${workspace.slug} left by a BENCH_KEEP run`)
  return { workspaceId: workspace.id, slug: workspace.slug, agentId: agent.id, agentEmail: `agent1.${workspace.slug}@bench.test`, openedTicketId: opened.id }
}

function seal(key: { key: Uint8Array; version: number }, scope: string, table: string, column: string, rowId: string, value: string) {
  return sealField(key.key, { kind: 's', version: key.version }, { scope, table, column, rowId }, Buffer.from(value))
}

/** One statement per batch: arrays as parameters parse far faster than thousands of placeholders. */
async function flush(table: string, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return []
  const columns = Object.keys(rows[0])
  const arrays = columns.map((column) => rows.map((row) => row[column] ?? null))
  const unnest = columns.map((column) => `?::${COLUMN_TYPES[column] ?? 'text'}[]`).join(', ')
  await db.rawQuery(`INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${unnest})`, arrays)
  return []
}

async function cleanUp() {
  if (process.env.BENCH_KEEP) return log('BENCH_KEEP: the benchmark data stays in the database')
  log('deleting the benchmark workspaces, users and keys')
  if (createdWorkspaces.length) {
    await db.from('workspaces').whereIn('id', createdWorkspaces).delete()
    for (const table of ['vault_subject_keys', 'vault_keys', 'vault_key_rotations']) {
      await db.from(table).whereIn('workspace_id', createdWorkspaces).delete().catch(() => null)
    }
  }
  if (createdUsers.length) await db.from('users').whereIn('id', createdUsers).delete()
}

/* ------------------------------------------------------------------ HTTP */

async function logIn(base: string, email: string) {
  const jar = cookieJar()
  const { keep, header } = jar
  // The login page as an Inertia visit (JSON): no built assets needed to get the session and XSRF cookies.
  const version = await inertiaVersion(`${base}/login`, '')
  keep(await fetch(`${base}/login`, { redirect: 'manual', headers: { 'x-inertia': 'true', 'x-inertia-version': version } }))
  const xsrf = decodeURIComponent(jar.get('XSRF-TOKEN') ?? '')
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/json', 'cookie': header(), 'x-xsrf-token': xsrf, 'accept': 'text/html' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  keep(response)
  if (response.status !== 302 || response.headers.get('location')?.includes('/login')) throw new Error(`login answered ${response.status}`)
  return header()
}

async function inertiaVersion(url: string, cookie: string) {
  // An Inertia visit with a stale version answers 409 with the current one (no built assets needed).
  const response = await fetch(url, { headers: { ...(cookie ? { cookie } : {}), 'x-inertia': 'true', 'x-inertia-version': 'stale' } })
  await response.arrayBuffer()
  return response.headers.get('x-inertia-version') ?? ''
}

function rateOf({ done, seconds }: { done: number; seconds: number }) {
  return done / seconds
}

/** Requests done by CONCURRENCY clients on `url` for about `seconds`, and the time they took. */
async function load(url: string, headers: Record<string, string>, seconds: number) {
  // Monotonic microseconds, to slice a --cpu-prof profile to one measured round.
  if (process.env.BENCH_MARKS) console.log(`mark start ${url} ${process.hrtime.bigint() / 1000n}`)
  const until = performance.now() + seconds * 1000
  let done = 0
  const worker = async () => {
    while (performance.now() < until) {
      const response = await fetch(url, { headers })
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
      done++
    }
  }
  const start = performance.now()
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return { done, seconds: (performance.now() - start) / 1000 }
}

function median(values: number[]) {
  return percentile(values, 50)
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (p / 100) * (sorted.length - 1)
  const low = Math.floor(rank)
  return sorted[low] + (sorted[Math.ceil(rank)] - sorted[low]) * (rank - low)
}
