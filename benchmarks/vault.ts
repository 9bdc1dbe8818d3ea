/**
 * npm run bench:vault — the cost of the vault, measured side by side in one run:
 *
 *   1. encrypt / decrypt ops/s for a 200-byte field
 *   2. loading a page of 50 rows with 6 encrypted fields vs the same page in plaintext columns (target >= 0.8x)
 *   3. blind-index lookup by email in 100,000 rows vs a plaintext index lookup (target >= 0.8x)
 *
 * Runs on the embedded database (a fresh in-memory PGlite) unless DATABASE_URL
 * is set. Uses its own tables and an ephemeral keyring, and drops them after.
 */
import 'reflect-metadata'
import { randomBytes, randomUUID } from 'node:crypto'
import { bootBenchConsole } from './harness.ts'

const FIELD_BYTES = 200
const PAGE_ROWS = 50
const PAGE_TABLE_ROWS = 1_000
const LOOKUP_TABLE_ROWS = 100_000

const app = await bootBenchConsole({ pglitePort: 54396 })

const { default: db } = await import('@adonisjs/lucid/services/db')
const { BaseModel, column } = await import('@adonisjs/lucid/orm')
const { compose } = await import('@adonisjs/core/helpers')
const { withEncryption, encrypted, blindIndex, blindIndexFor, keyStore, LocalKeyringProvider } = await import('#vault/index')
const { sealField, openField } = await import('#vault/services/field_cipher')
const { randomKey, sodiumReady } = await import('#vault/services/sodium')
const { runPendingMigrations } = await import('#database/migrate')

const embedded = !process.env.DATABASE_URL
const workspaceId = randomUUID()
const tables = ['bench_vault_page_encrypted', 'bench_vault_page_plain', 'bench_vault_lookup_encrypted', 'bench_vault_lookup_plain']

class EncryptedPageRow extends compose(BaseModel, withEncryption()) {
  static table = 'bench_vault_page_encrypted'
  @column({ isPrimary: true }) declare id: string
  @column() declare workspaceId: string
  @encrypted.string() declare subject: string
  @encrypted.string() declare body: string
  @encrypted.string() declare email: string
  @encrypted.string() declare phone: string
  @encrypted.string() declare address: string
  @encrypted.string() declare note: string
}

class PlainPageRow extends BaseModel {
  static table = 'bench_vault_page_plain'
  @column({ isPrimary: true }) declare id: string
  @column() declare workspaceId: string
  @column() declare subject: string
  @column() declare body: string
  @column() declare email: string
  @column() declare phone: string
  @column() declare address: string
  @column() declare note: string
}

class EncryptedContact extends compose(BaseModel, withEncryption()) {
  static table = 'bench_vault_lookup_encrypted'
  @column({ isPrimary: true }) declare id: string
  @column() declare workspaceId: string
  @encrypted.string() declare email: string
  @blindIndex('email', 'email') declare emailIndex: string
}

class PlainContact extends BaseModel {
  static table = 'bench_vault_lookup_plain'
  @column({ isPrimary: true }) declare id: string
  @column() declare workspaceId: string
  @column() declare email: string
}

const PAGE_FIELDS = ['subject', 'body', 'email', 'phone', 'address', 'note'] as const

function field(seed: number) {
  return `${seed}:`.padEnd(FIELD_BYTES, 'lorem ipsum dolor sit amet ')
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/**
 * A and B measured side by side: samples alternate A, B (order flipped every
 * sample) so load from other processes hits both alike; each sample times
 * `batch` operations. Returns operations per second from the median sample.
 */
async function sideBySide(a: () => unknown, b: () => unknown, options: { samples: number; batch: number }) {
  const timeBatch = async (operation: () => unknown) => {
    const started = performance.now()
    for (let index = 0; index < options.batch; index++) await operation()
    return (performance.now() - started) / options.batch
  }
  for (let index = 0; index < Math.max(20, options.samples / 10); index++) {
    await timeBatch(a)
    await timeBatch(b)
  }
  const aTimes: number[] = []
  const bTimes: number[] = []
  for (let sample = 0; sample < options.samples; sample++) {
    if (sample % 2 === 0) {
      aTimes.push(await timeBatch(a))
      bTimes.push(await timeBatch(b))
    } else {
      bTimes.push(await timeBatch(b))
      aTimes.push(await timeBatch(a))
    }
  }
  return { a: 1000 / median(aTimes), b: 1000 / median(bTimes) }
}

const format = (value: number) => Math.round(value).toLocaleString('en-US')

async function createTables() {
  await db.rawQuery(`
    CREATE TABLE bench_vault_page_encrypted (id uuid PRIMARY KEY, workspace_id uuid NOT NULL,
      subject text, body text, email text, phone text, address text, note text) WITH (toast_tuple_target = 8160);
    CREATE TABLE bench_vault_page_plain (id uuid PRIMARY KEY, workspace_id uuid NOT NULL,
      subject text, body text, email text, phone text, address text, note text);
    CREATE INDEX bench_vault_page_encrypted_ws ON bench_vault_page_encrypted (workspace_id, id);
    CREATE INDEX bench_vault_page_plain_ws ON bench_vault_page_plain (workspace_id, id);
    CREATE TABLE bench_vault_lookup_encrypted (id uuid PRIMARY KEY, workspace_id uuid NOT NULL, email text, email_index varchar(32));
    CREATE TABLE bench_vault_lookup_plain (id uuid PRIMARY KEY, workspace_id uuid NOT NULL, email text);
  `)
}

async function insertInChunks(table: string, rows: Record<string, unknown>[], chunk = 1000) {
  for (let start = 0; start < rows.length; start += chunk) {
    await db.table(table).multiInsert(rows.slice(start, start + chunk))
  }
}

async function fillPageTables() {
  const plainRows: Record<string, unknown>[] = []
  for (let index = 0; index < PAGE_TABLE_ROWS; index++) {
    const row: Record<string, unknown> = { workspaceId }
    for (const name of PAGE_FIELDS) row[name] = field(index)
    const encryptedRow = await EncryptedPageRow.create(row)
    plainRows.push({ id: encryptedRow.id, workspace_id: workspaceId, ...Object.fromEntries(PAGE_FIELDS.map((name) => [name, row[name]])) })
  }
  await insertInChunks('bench_vault_page_plain', plainRows)
  await db.rawQuery('ANALYZE bench_vault_page_encrypted; ANALYZE bench_vault_page_plain')
}

/** 100,000 contacts per table, sealed exactly as the model would (same AAD), with blind indexes. */
async function fillLookupTables() {
  const dek = await keyStore.activeDataKey(workspaceId)
  const encryptedRows: Record<string, unknown>[] = []
  const plainRows: Record<string, unknown>[] = []
  for (let index = 0; index < LOOKUP_TABLE_ROWS; index++) {
    const id = randomUUID()
    const email = `contact.${index}@example${index % 97}.test`
    const context = { scope: workspaceId, table: 'bench_vault_lookup_encrypted', column: 'email', rowId: id }
    encryptedRows.push({
      id,
      workspace_id: workspaceId,
      email: sealField(dek.key, { kind: 'w', version: dek.version }, context, Buffer.from(email)),
      email_index: await blindIndexFor(workspaceId, 'email', email),
    })
    plainRows.push({ id, workspace_id: workspaceId, email })
  }
  await insertInChunks('bench_vault_lookup_encrypted', encryptedRows)
  await insertInChunks('bench_vault_lookup_plain', plainRows)
  await db.rawQuery(`
    CREATE INDEX bench_vault_lookup_encrypted_email ON bench_vault_lookup_encrypted (workspace_id, email_index);
    CREATE INDEX bench_vault_lookup_plain_email ON bench_vault_lookup_plain (workspace_id, email);
    ANALYZE bench_vault_lookup_encrypted; ANALYZE bench_vault_lookup_plain;
  `)
}

async function cleanUp() {
  for (const table of tables) await db.rawQuery(`DROP TABLE IF EXISTS ${table}`)
  for (const table of ['vault_keys', 'vault_subject_keys']) await db.from(table).where('workspace_id', workspaceId).delete()
}

try {
  if (embedded) {
    await runPendingMigrations(app)
  } else {
    const { rows } = await db.rawQuery(`SELECT to_regclass('public.vault_keys') AS found`)
    if (!rows[0].found) throw new Error('The database at DATABASE_URL has no vault tables: run `node ace migration:run` first.')
  }
  keyStore.useProvider(new LocalKeyringProvider(`1:${randomBytes(32).toString('base64')}`))
  await sodiumReady()
  await cleanUp()
  await createTables()

  const version = (await db.rawQuery('SELECT version() AS version')).rows[0].version.split(' ').slice(0, 2).join(' ')
  console.log(`\nVaultdesk vault benchmark — Node ${process.version}, ${embedded ? 'embedded PGlite (in memory)' : 'PostgreSQL server'} (${version})\n`)

  // 1. Field encryption
  const key = randomKey()
  const context = { scope: workspaceId, table: 'contacts', column: 'notes', rowId: randomUUID() }
  const value = Buffer.from(field(1))
  const sealed = sealField(key, { kind: 'w', version: 1 }, context, value)
  const crypto = await sideBySide(
    () => sealField(key, { kind: 'w', version: 1 }, context, value),
    () => openField(key, context, sealed),
    { samples: 300, batch: 1000 }
  )
  console.log(`1. ${FIELD_BYTES}-byte field (XChaCha20-Poly1305, envelope and AAD included)`)
  console.log(`   encrypt ${format(crypto.a)} ops/s    decrypt ${format(crypto.b)} ops/s\n`)

  // 2. Page of 50 rows x 6 fields
  await fillPageTables()
  const pages = PAGE_TABLE_ROWS / PAGE_ROWS
  let encryptedPage = 0
  let plainPage = 0
  const toDto = (row: Record<string, any>) => Object.fromEntries(['id', ...PAGE_FIELDS].map((name) => [name, row[name]]))
  const page = await sideBySide(
    async () => {
      const rows = await EncryptedPageRow.query().where('workspace_id', workspaceId).orderBy('id').offset((encryptedPage++ % pages) * PAGE_ROWS).limit(PAGE_ROWS)
      if (rows.length !== PAGE_ROWS || rows[0].body.length !== FIELD_BYTES) throw new Error('encrypted page is wrong')
      return rows.map(toDto)
    },
    async () => {
      const rows = await PlainPageRow.query().where('workspace_id', workspaceId).orderBy('id').offset((plainPage++ % pages) * PAGE_ROWS).limit(PAGE_ROWS)
      if (rows.length !== PAGE_ROWS || rows[0].body.length !== FIELD_BYTES) throw new Error('plaintext page is wrong')
      return rows.map(toDto)
    },
    { samples: 1000, batch: 1 }
  )
  console.log(`2. Page of ${PAGE_ROWS} rows x 6 fields of ${FIELD_BYTES} bytes (Lucid models, read into DTOs), ${PAGE_TABLE_ROWS} rows per table`)
  console.log('   (encrypted table with toast_tuple_target = 8160, as docs/vault.md recommends for wide encrypted rows)')
  console.log(`   encrypted ${format(page.a)} pages/s    plaintext ${format(page.b)} pages/s    ratio ${(page.a / page.b).toFixed(2)}x (target >= 0.80x)\n`)

  // 3. Lookup by email in 100,000 rows
  const started = performance.now()
  await fillLookupTables()
  const fillSeconds = ((performance.now() - started) / 1000).toFixed(1)
  let lookup = 0
  const emailFor = () => {
    const index = (lookup++ * 7919) % LOOKUP_TABLE_ROWS
    return `Contact.${index}@Example${index % 97}.test `
  }
  const lookups = await sideBySide(
    async () => {
      const email = emailFor()
      const row = await EncryptedContact.query()
        .where('workspace_id', workspaceId)
        .where('email_index', (await blindIndexFor(workspaceId, 'email', email))!)
        .first()
      if (row?.email !== email.trim().toLowerCase()) throw new Error('blind-index lookup missed')
    },
    async () => {
      const email = emailFor()
      const row = await PlainContact.query().where('workspace_id', workspaceId).where('email', email.trim().toLowerCase()).first()
      if (row?.email !== email.trim().toLowerCase()) throw new Error('plaintext lookup missed')
    },
    { samples: 3000, batch: 1 }
  )
  console.log(`3. Lookup by email among ${LOOKUP_TABLE_ROWS.toLocaleString('en-US')} rows per table (filled in ${fillSeconds} s), row loaded and decrypted`)
  console.log(`   blind index ${format(lookups.a)} lookups/s    plaintext index ${format(lookups.b)} lookups/s    ratio ${(lookups.a / lookups.b).toFixed(2)}x (target >= 0.80x)\n`)
} catch (error) {
  process.exitCode = 1
  console.error(error instanceof Error ? error.message : error)
} finally {
  await cleanUp().catch(() => {})
  await app.terminate()
}
