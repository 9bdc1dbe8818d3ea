import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { checkCatalog } from '#core/catalog_check'
import { signCertificate, type CertificatePayload } from '#privacy/services/certificates'

/** Runs `node ace <args>` against the test database; resolves with the exit code and output. */
function ace(...args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['ace', ...args], { cwd: app.makePath(), env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn' }, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}\n${stderr}` })
    })
  })
}

const PROBE = 'privacy_catalog_probe'

/** The commands run in their own process, so their data is committed here (no rolled-back transaction). */
test.group('Privacy commands', (group) => {
  group.each.teardown(async () => {
    await db.rawQuery(`DROP TABLE IF EXISTS ${PROBE}`)
  })

  test('privacy:catalog:check lists every undeclared column and exits 1, then passes once it is gone', async ({ assert }) => {
    await db.rawQuery(`CREATE TABLE ${PROBE} (id uuid PRIMARY KEY, secret_note text)`)
    const failing = await ace('privacy:catalog:check')
    assert.equal(failing.code, 1, failing.output)
    assert.include(failing.output, `undeclared: ${PROBE}.id`)
    assert.include(failing.output, `undeclared: ${PROBE}.secret_note`)

    await db.rawQuery(`DROP TABLE ${PROBE}`)
    const passing = await ace('privacy:catalog:check')
    assert.notInclude(passing.output, PROBE)
    // Exit 0 exactly when the in-process check finds the catalog complete.
    assert.equal(passing.code, (await checkCatalog(db.connection())).length === 0 ? 0 : 1, passing.output)
  }).timeout(240_000)

  test('privacy:verify-certificate accepts a signed certificate (exit 0) and refuses an altered one (exit 1)', async ({ assert }) => {
    const dir = await mkdtemp(join(tmpdir(), 'certificate-'))
    try {
      const payload: CertificatePayload = {
        certificate: 'vaultdesk-erasure-certificate/v1',
        requestId: '11111111-1111-4111-8111-111111111111',
        workspaceId: null,
        regime: 'gdpr',
        receivedAt: '2026-01-01T00:00:00.000Z',
        verifiedAt: '2026-01-01T01:00:00.000Z',
        completedAt: '2026-01-02T00:00:00.000Z',
        erased: [{ module: 'helpdesk', table: 'tickets', category: 'conversation', action: 'deleted', rows: 3 }],
        retained: [],
        destroyedKeys: ['contact:22222222-2222-4222-8222-222222222222@ledger#1'],
        residueCheck: { searchedColumns: 100, findings: 0, vaultScanFindings: 0 },
      }
      const document = await signCertificate(payload)
      const valid = join(dir, 'valid.json')
      await writeFile(valid, JSON.stringify(document))
      const ok = await ace('privacy:verify-certificate', valid)
      assert.equal(ok.code, 0, ok.output)
      assert.include(ok.output, 'valid certificate')

      const altered = join(dir, 'altered.json')
      await writeFile(altered, JSON.stringify({ ...document, payload: { ...payload, erased: [{ ...payload.erased[0], rows: 30 }] } }))
      const bad = await ace('privacy:verify-certificate', altered)
      assert.equal(bad.code, 1, bad.output)
      assert.include(bad.output, 'INVALID')

      const garbage = join(dir, 'garbage.json')
      await writeFile(garbage, 'not json')
      assert.equal((await ace('privacy:verify-certificate', garbage)).code, 1)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }).timeout(240_000)
})
