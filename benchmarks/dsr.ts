/**
 * npm run bench:dsr — building one subject's export must not slow down as
 * other workspaces grow.
 *
 * One workspace holds the subject: a contact with 20 tickets (through the
 * helpdesk's own actions: sealed content, attachments, search tokens,
 * analytics events) among 100 other contacts. Other workspaces are bulk
 * loaded with SQL (contacts, tickets, messages, search tokens, analytics
 * events; ~35,000 rows per unit). The export (resolve the subject through
 * every module's provider, collect the exported columns and the decrypted
 * files, build the ZIP, seal it) is timed with 1 unit of other data, then
 * again after growing it to 10 units. Target: ratio of medians <= 1.2.
 *
 * Runs on a fresh in-memory embedded database unless DATABASE_URL is set (then
 * its bench workspaces are deleted afterwards). Options (env): BENCH_RUNS
 * (timed runs per size, default 15), BENCH_SCALE (other-data volume, default 1).
 */
import 'reflect-metadata'
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { bootBenchApp, embedded, log } from './harness.ts'

const RUNS = Number(process.env.BENCH_RUNS ?? 21)
const SCALE = Number(process.env.BENCH_SCALE ?? 1)
const UNIT = {
  workspaces: 5,
  contacts: Math.max(10, Math.round(60 * SCALE)),
  ticketsPerContact: 5,
  messagesPerTicket: 4,
  tokensPerMessage: 4,
  analyticsPerTicket: 2,
}
const SUBJECT_TICKETS = 20
const NEIGHBOURS = 100

// Not development: the web process would seed the demo workspace first (time the bench does not need).
const app = await bootBenchApp({ port: 3417, pglitePort: 54417, nodeEnv: 'test' })

const { default: db } = await import('@adonisjs/lucid/services/db')
const { default: drive } = await import('@adonisjs/drive/services/main')
const { Workspace } = await import('#identity/index')
const { CreateInboundMessage } = await import('#helpdesk/index')
const { secrets } = await import('#vault/index')
const { resolveSubject, collectSubjectData, rowCount } = await import('#privacy/services/subject_lookup')
const { buildArchive } = await import('#privacy/services/export_archive')

const runId = randomUUID().slice(0, 8)
const otherWorkspaces: string[] = []
let mainWorkspaceId: string | null = null

/** Adds one unit of other workspaces' data, in bulk SQL (values are opaque stand-ins; nobody reads them). */
async function addOtherUnit(unit: number) {
  const ids: string[] = []
  for (let index = 0; index < UNIT.workspaces; index++) {
    const id = randomUUID()
    ids.push(id)
    await db.table('workspaces').insert({ id, name: `Bench other ${unit}-${index}`, slug: `bench-dsr-${runId}-${unit}-${index}`, timezone: 'UTC', created_at: new Date(), updated_at: new Date() })
  }
  otherWorkspaces.push(...ids)
  const sealed = `'vd1:w1:' || md5(random()::text) || md5(random()::text)`
  await db.rawQuery(
    `INSERT INTO contacts (id, workspace_id, name, email, email_index, created_at, updated_at)
     SELECT gen_random_uuid(), w, ${sealed}, ${sealed}, substr(md5(random()::text), 1, 22), now(), now()
       FROM unnest(?::uuid[]) AS w, generate_series(1, ?)`,
    [ids, UNIT.contacts]
  )
  await db.rawQuery(
    `INSERT INTO tickets (id, workspace_id, number, contact_id, subject, status, priority, channel, version, last_message_at, created_at, updated_at)
     SELECT gen_random_uuid(), c.workspace_id, row_number() OVER (PARTITION BY c.workspace_id), c.id, ${sealed}, 'open', 'normal', 'email', 1, now(), now(), now()
       FROM contacts c, generate_series(1, ?) WHERE c.workspace_id = ANY(?::uuid[])`,
    [UNIT.ticketsPerContact, ids]
  )
  await db.rawQuery(
    `INSERT INTO ticket_messages (id, workspace_id, ticket_id, contact_id, kind, body, created_at)
     SELECT gen_random_uuid(), t.workspace_id, t.id, t.contact_id, 'inbound', ${sealed}, now()
       FROM tickets t, generate_series(1, ?) WHERE t.workspace_id = ANY(?::uuid[])`,
    [UNIT.messagesPerTicket, ids]
  )
  await db.rawQuery(
    `INSERT INTO search_tokens (workspace_id, token, ticket_id, message_id, contact_id)
     SELECT m.workspace_id, substr(md5(random()::text), 1, 22), m.ticket_id, m.id, m.contact_id
       FROM ticket_messages m, generate_series(1, ?) WHERE m.workspace_id = ANY(?::uuid[])`,
    [UNIT.tokensPerMessage, ids]
  )
  await db.rawQuery(
    `INSERT INTO analytics_events (workspace_id, type, ticket_id, contact_id, channel, value, occurred_at)
     SELECT t.workspace_id, 'ticket_created', t.id, t.contact_id, 'email', 1, now()
       FROM tickets t, generate_series(1, ?) WHERE t.workspace_id = ANY(?::uuid[])`,
    [UNIT.analyticsPerTicket, ids]
  )
}

async function otherRows() {
  const result = await db.rawQuery(
    `SELECT (SELECT count(*) FROM ticket_messages WHERE workspace_id = ANY(?::uuid[]))
          + (SELECT count(*) FROM search_tokens WHERE workspace_id = ANY(?::uuid[]))
          + (SELECT count(*) FROM tickets WHERE workspace_id = ANY(?::uuid[]))
          + (SELECT count(*) FROM contacts WHERE workspace_id = ANY(?::uuid[]))
          + (SELECT count(*) FROM analytics_events WHERE workspace_id = ANY(?::uuid[])) AS total`,
    [otherWorkspaces, otherWorkspaces, otherWorkspaces, otherWorkspaces, otherWorkspaces]
  )
  return Number(result.rows[0].total)
}

/** One export as the job builds it (minus the mail): resolve, collect with files, ZIP, seal. */
async function exportOnce(workspaceId: string, email: string) {
  const begin = performance.now()
  const subject = await resolveSubject({ workspaceId, emails: [email], phones: [], externalIds: [], ids: {} })
  const records = await collectSubjectData(subject, { files: true })
  const archive = await buildArchive(records, { requestId: randomUUID(), organisation: 'Bench', generatedAt: new Date().toISOString() })
  await secrets.seal(archive.toString('base64'), { scope: workspaceId, table: 'privacy_exports', column: 'archive', rowId: randomUUID() })
  return { ms: performance.now() - begin, rows: records.reduce((sum, record) => sum + rowCount(record), 0), bytes: archive.length }
}

async function measure(workspaceId: string, email: string) {
  for (let warm = 0; warm < 5; warm++) await exportOnce(workspaceId, email)
  const samples: number[] = []
  let last = { rows: 0, bytes: 0 }
  for (let run = 0; run < RUNS; run++) {
    const { ms, rows, bytes } = await exportOnce(workspaceId, email)
    samples.push(ms)
    last = { rows, bytes }
  }
  samples.sort((a, b) => a - b)
  return { median: samples[Math.floor(samples.length / 2)], p90: samples[Math.floor(samples.length * 0.9)], ...last }
}

try {
  const workspace = await Workspace.create({ name: 'Bench DSR', slug: `bench-dsr-${runId}`, timezone: 'Europe/Berlin' })
  mainWorkspaceId = workspace.id
  const email = `subject-${runId}@example.test`
  for (let index = 0; index < NEIGHBOURS; index++) {
    await new CreateInboundMessage().handle({ workspaceId: workspace.id, from: { email: `neighbour${index}-${runId}@example.test` }, subject: 'Hello', body: 'A neighbour’s question about billing', channel: 'email' })
  }
  for (let index = 0; index < SUBJECT_TICKETS; index++) {
    await new CreateInboundMessage().handle({
      workspaceId: workspace.id,
      from: { email, name: 'Bench Subject' },
      subject: `Question ${index}`,
      body: `My question number ${index} about the invoice and the renewal date.`,
      channel: 'email',
      attachments: index % 10 === 0 ? [{ filename: `log-${index}.txt`, bytes: new TextEncoder().encode('x'.repeat(20_000)) }] : undefined,
    })
  }
  log(`subject workspace seeded: ${SUBJECT_TICKETS} tickets for the subject, ${NEIGHBOURS} neighbours`)

  await addOtherUnit(1)
  await db.rawQuery('ANALYZE')
  const rows1 = await otherRows()
  log(`1x: ${rows1.toLocaleString('en')} rows in ${otherWorkspaces.length} other workspaces`)
  const small = await measure(workspace.id, email)
  log(`1x export: median ${small.median.toFixed(1)} ms, p90 ${small.p90.toFixed(1)} ms (${small.rows} records, ${small.bytes} bytes)`)

  for (let unit = 2; unit <= 10; unit++) await addOtherUnit(unit)
  await db.rawQuery('ANALYZE')
  const rows10 = await otherRows()
  log(`10x: ${rows10.toLocaleString('en')} rows in ${otherWorkspaces.length} other workspaces`)
  const large = await measure(workspace.id, email)
  log(`10x export: median ${large.median.toFixed(1)} ms, p90 ${large.p90.toFixed(1)} ms (${large.rows} records, ${large.bytes} bytes)`)

  const ratio = large.median / small.median
  console.log('')
  console.log('| other data | rows in other workspaces | export median | p90 |')
  console.log('|---|---|---|---|')
  console.log(`| 1x | ${rows1.toLocaleString('en')} | ${small.median.toFixed(1)} ms | ${small.p90.toFixed(1)} ms |`)
  console.log(`| 10x | ${rows10.toLocaleString('en')} | ${large.median.toFixed(1)} ms | ${large.p90.toFixed(1)} ms |`)
  console.log(`\nratio 10x / 1x = ${ratio.toFixed(2)} (target <= 1.2): ${ratio <= 1.2 ? 'PASS' : 'FAIL'}`)
  if (ratio > 1.2) process.exitCode = 1
} finally {
  if (mainWorkspaceId) await drive.use().deleteAll(`helpdesk/${mainWorkspaceId}`).catch(() => null)
  if (!embedded) {
    const all = [...otherWorkspaces, ...(mainWorkspaceId ? [mainWorkspaceId] : [])]
    for (const table of ['vault_subject_keys', 'vault_keys', 'audit_entries']) await db.from(table).whereIn('workspace_id', all).delete().catch(() => null)
    await db.from('workspaces').whereIn('id', all).delete()
  }
  await app.terminate()
}
