import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { DestroySubjectKey, KeyDestroyedError, keyStore } from '#vault/index'
import { useLedgerPath } from '#vault/services/destruction_ledger'
import { newWorkspaceId, ProbeMessage } from '#tests/vault/fixtures'

const run = promisify(execFile)
const DATABASE_URL = process.env.DATABASE_URL
const VAULT_TABLES = ['vault_keys', 'vault_subject_keys', 'vault_key_destructions', 'vault_restore_probe']

/**
 * The promise behind crypto-shredding: data erased after a backup was taken
 * stays erased when that backup is restored. Real pg_dump / pg_restore on a
 * real server; the data is committed (no rolled-back transaction), so the
 * test cleans up after itself.
 */
test.group('Crypto-shredding survives a database restore', (group) => {
  let dir: string
  const workspaceId = newWorkspaceId()

  group.setup(async () => {
    if (!DATABASE_URL) return async () => {}
    dir = await mkdtemp(join(tmpdir(), 'vault-restore-'))
    useLedgerPath(join(dir, 'destructions.jsonl'))
    await db.rawQuery(
      'CREATE TABLE IF NOT EXISTS vault_restore_probe (id uuid PRIMARY KEY, workspace_id uuid NOT NULL, contact_id uuid, body text)'
    )
    return async () => {
      useLedgerPath(undefined)
      keyStore.clear()
      await db.rawQuery('DROP TABLE IF EXISTS vault_restore_probe')
      for (const table of ['vault_keys', 'vault_subject_keys', 'vault_key_destructions']) {
        await db.from(table).where('workspace_id', workspaceId).delete()
      }
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('after restoring an older backup, vault:replay-destructions makes shredded data unreadable again', async ({ assert }) => {
    class RestoreProbe extends ProbeMessage {
      static table = 'vault_restore_probe'
    }
    const erased = '5e7a1c1e-0000-4000-8000-00000000000a'
    const kept = '5e7a1c1e-0000-4000-8000-00000000000b'
    const erasedMessage = await RestoreProbe.create({ workspaceId, contactId: erased, body: 'erase this message' })
    const keptMessage = await RestoreProbe.create({ workspaceId, contactId: kept, body: 'keep this message' })

    // 1. The nightly backup.
    const backup = join(dir, 'backup.dump')
    await run('pg_dump', ['--format=custom', `--file=${backup}`, ...VAULT_TABLES.map((table) => `--table=${table}`), DATABASE_URL!])

    // 2. The contact is erased after the backup was taken.
    await new DestroySubjectKey().handle({ scope: workspaceId, subject: { type: 'contact', id: erased }, reason: 'erasure_request' })
    await assert.rejects(() => RestoreProbe.findOrFail(erasedMessage.id), KeyDestroyedError as any)

    // 3. Disaster: the database is restored from that backup, and the app restarts (empty key cache).
    await run('pg_restore', ['--clean', '--if-exists', '--single-transaction', `--dbname=${DATABASE_URL}`, backup])
    keyStore.clear()
    assert.equal((await RestoreProbe.findOrFail(erasedMessage.id)).body, 'erase this message', 'the restore brought the key back')

    // 4. The runbook step: replay the ledger kept outside the database.
    const { stdout } = await run(process.execPath, ['ace', 'vault:replay-destructions'], {
      cwd: app.makePath(),
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL,
        VAULT_KEYRING: env.get('VAULT_KEYRING')!.release(),
        VAULT_LEDGER_PATH: join(dir, 'destructions.jsonl'),
      },
      timeout: 60_000,
    })
    assert.match(stdout, /1 entries/)
    assert.match(stdout, /1 keys destroyed again, 1 ledger entries restored to the database/)

    keyStore.clear()
    await assert.rejects(() => RestoreProbe.findOrFail(erasedMessage.id), /permanently erased/)
    assert.equal((await RestoreProbe.findOrFail(keptMessage.id)).body, 'keep this message')
    const recorded = await db.from('vault_key_destructions').where('workspace_id', workspaceId).where('subject_id', erased)
    assert.lengthOf(recorded, 1)
  })
    .skip(!DATABASE_URL, 'needs a real PostgreSQL server (set DATABASE_URL): pg_dump and pg_restore cannot work on the embedded PGlite database')
    .timeout(120_000)
})
