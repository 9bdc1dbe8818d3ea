/**
 * npm run bench:retention — retention deleting 1,000,000 expired rows while the inbox keeps writing.
 *
 * Seeds one workspace with 200,000 closed tickets resolved three years ago and
 * 800,000 messages on them (1,000,000 expired rows, INSERT ... SELECT FROM
 * generate_series; the encrypted columns hold placeholder text: retention
 * deletes rows without reading them). Then, in one run, side by side:
 *   1. idle: W concurrent writers append inbound messages to their own open
 *      tickets through the helpdesk's CreateInboundMessage action (the same
 *      path as the email channel and the API), for BENCH_IDLE_SECONDS;
 *   2. during retention: the same writers keep writing while RunRetention
 *      deletes the expired tickets with their messages in batches;
 *   3. idle again (pooled with 1.), so load from elsewhere weighs on both sides.
 * Reports deleted rows per minute (target >= 100,000) and the p99 latency of
 * the inbox writes during the run versus idle (target <= 2x).
 *
 * Needs a real PostgreSQL (DATABASE_URL): the embedded PGlite serves a single
 * connection, so writes would simply queue behind each batch; without
 * DATABASE_URL it runs at BENCH_SCALE 0.05 and says the latency figure is not
 * meaningful. Its workspace, users and keys are deleted afterwards.
 * Options (env): BENCH_SCALE (1), BENCH_WRITERS (4), BENCH_IDLE_SECONDS (15), BENCH_BATCH (2000).
 */
import 'reflect-metadata'
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { bootBenchApp, elapsed, embedded, log } from './harness.ts'

const SCALE = Number(process.env.BENCH_SCALE ?? (embedded ? 0.05 : 1))
const TICKETS = Math.round(200_000 * SCALE)
const MESSAGES_PER_TICKET = 4
const CONTACTS = 1_000
const WRITERS = Number(process.env.BENCH_WRITERS ?? 4)
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 15)
const BATCH = Number(process.env.BENCH_BATCH ?? 2000)

const app = await bootBenchApp({ port: 3396, pglitePort: 54396 })

const { default: db } = await import('@adonisjs/lucid/services/db')
const { Workspace } = await import('#identity/index')
const { EnsureWorkspaceKeys } = await import('#vault/index')
const { CreateInboundMessage } = await import('#helpdesk/index')
const { default: RunRetention } = await import('#governance/actions/run_retention')

const runId = randomUUID().slice(0, 8)
let workspaceId: string | null = null

try {
  const workspace = await Workspace.create({ name: `Bench retention ${runId}`, slug: `bench-retention-${runId}`, timezone: 'UTC' })
  workspaceId = workspace.id
  await new EnsureWorkspaceKeys().handle(workspace.id)
  await seed(workspace.id)

  // Each writer's own open ticket (created through the action, so its keys and numbering are real).
  const liveTickets: string[] = []
  for (let index = 0; index < WRITERS; index++) {
    const { ticket } = await new CreateInboundMessage().handle({ workspaceId: workspace.id, from: { email: `writer${index}@bench.test`, name: `Writer ${index}` }, subject: `Live ${index}`, body: 'first message', channel: 'email' })
    liveTickets.push(ticket.id)
  }
  await writeFor(liveTickets, 3) // warm-up: key caches, plans, JIT
  log(`idle: ${WRITERS} writers for ${IDLE_SECONDS} s`)
  const idle = await writeFor(liveTickets, IDLE_SECONDS)

  const before = await expiredRows(workspace.id)
  log(`retention run over ${before.toLocaleString()} expired rows, writers running`)
  let done = false
  const during: number[] = []
  const writers = liveTickets.map((ticketId) => writeUntil(ticketId, () => done, during))
  const runStart = performance.now()
  const run = await new RunRetention().handle(workspace.id, { trigger: 'manual', batchSize: BATCH })
  const runSeconds = (performance.now() - runStart) / 1000
  done = true
  await Promise.all(writers)
  const after = await expiredRows(workspace.id)
  // Idle again after the run: both idle windows together, so load from elsewhere on the machine weighs on both sides.
  log(`idle again: ${WRITERS} writers for ${IDLE_SECONDS} s`)
  idle.push(...(await writeFor(liveTickets, IDLE_SECONDS)))
  const deleted = before - after
  const rate = (deleted / runSeconds) * 60
  const idleP99 = percentile(idle, 99)
  const runP99 = percentile(during, 99)

  console.log('')
  console.log(`Retention benchmark (${embedded ? 'embedded PGlite — single connection, so the latency ratio is NOT meaningful; run with DATABASE_URL' : 'PostgreSQL'}; ${TICKETS.toLocaleString()} expired tickets + ${(TICKETS * MESSAGES_PER_TICKET).toLocaleString()} messages; batch ${BATCH}; ${WRITERS} concurrent inbox writers)`)
  console.log(`  rows deleted                 ${deleted.toLocaleString()} in ${runSeconds.toFixed(1)} s (run counts: ${JSON.stringify(run.counts)})`)
  console.log(`  deletion rate                ${Math.round(rate).toLocaleString()} rows/minute  (target >= 100,000: ${rate >= 100_000 ? 'met' : 'NOT met'})`)
  console.log(`  inbox write p99, idle        ${idleP99.toFixed(1)} ms  (p50 ${percentile(idle, 50).toFixed(1)} ms, ${idle.length} writes, before and after the run)`)
  console.log(`  inbox write p99, during run  ${runP99.toFixed(1)} ms  (p50 ${percentile(during, 50).toFixed(1)} ms, ${during.length} writes)`)
  console.log(`  ratio during / idle          ${(runP99 / idleP99).toFixed(2)}x  (target <= 2x: ${runP99 <= 2 * idleP99 ? 'met' : 'NOT met'})`)
  console.log(`  total run time               ${elapsed()}`)
} finally {
  if (workspaceId && !embedded) {
    log('deleting the benchmark workspace and keys')
    await db.transaction(async (trx) => {
      await trx.rawQuery("SELECT set_config('vaultdesk.workspace_purge', 'on', true), set_config('vaultdesk.audit_purge', 'on', true)")
      await trx.from('audit_entries').where('workspace_id', workspaceId!).delete()
      await trx.from('workspaces').where('id', workspaceId!).delete()
    })
    for (const table of ['vault_subject_keys', 'vault_keys', 'vault_key_rotations']) {
      await db.from(table).where('workspace_id', workspaceId).delete().catch(() => null)
    }
  }
  await app.terminate()
}

async function seed(id: string) {
  const old = new Date(Date.now() - 3 * 365 * 24 * 3600 * 1000)
  log(`seeding ${CONTACTS} contacts, ${TICKETS.toLocaleString()} closed tickets, ${(TICKETS * MESSAGES_PER_TICKET).toLocaleString()} messages`)
  // Contacts stay active (recent updated_at): only tickets and messages are expired.
  await db.rawQuery(
    `INSERT INTO contacts (id, workspace_id, name, created_at, updated_at)
     SELECT gen_random_uuid(), ?, 'placeholder', now(), now() FROM generate_series(1, ?)`,
    [id, CONTACTS]
  )
  await db.rawQuery(
    `INSERT INTO tickets (id, workspace_id, number, contact_id, subject, status, priority, channel, version, resolved_at, closed_at, last_message_at, created_at, updated_at)
     SELECT gen_random_uuid(), ?, g, c.ids[1 + (g % array_length(c.ids, 1))], 'placeholder', 'closed', 'normal', 'email', 1, ?, ?, ?, ?, ?
     FROM generate_series(1, ?) g, (SELECT array_agg(id) AS ids FROM contacts WHERE workspace_id = ?) c`,
    [id, old, old, old, old, old, TICKETS, id]
  )
  await db.rawQuery(
    `INSERT INTO ticket_messages (id, workspace_id, ticket_id, contact_id, kind, body, created_at)
     SELECT gen_random_uuid(), t.workspace_id, t.id, t.contact_id, 'inbound', 'placeholder', t.created_at
     FROM tickets t, generate_series(1, ?) WHERE t.workspace_id = ?`,
    [MESSAGES_PER_TICKET, id]
  )
  await db.table('helpdesk_settings').insert({ workspace_id: id, last_ticket_number: TICKETS })
  await db.rawQuery('ANALYZE contacts, tickets, ticket_messages')
  log(`seeded ${(await expiredRows(id)).toLocaleString()} expired rows`)
}

async function expiredRows(id: string) {
  const result = await db.rawQuery(
    `SELECT (SELECT count(*) FROM tickets WHERE workspace_id = ? AND status = 'closed')
          + (SELECT count(*) FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id WHERE t.workspace_id = ? AND t.status = 'closed') AS n`,
    [id, id]
  )
  return Number(result.rows[0].n)
}

async function write(ticketId: string) {
  const start = performance.now()
  await new CreateInboundMessage().handle({ workspaceId: workspaceId!, ticketId, from: { email: `writer-${ticketId}@bench.test`, name: 'Writer' }, body: `A new message about the order ${Math.random()}`, channel: 'email' })
  return performance.now() - start
}

async function writeFor(ticketIds: string[], seconds: number) {
  const latencies: number[] = []
  const until = performance.now() + seconds * 1000
  await Promise.all(ticketIds.map((ticketId) => writeUntil(ticketId, () => performance.now() > until, latencies)))
  return latencies
}

async function writeUntil(ticketId: string, stop: () => boolean, latencies: number[]) {
  while (!stop()) latencies.push(await write(ticketId))
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN
}
