import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import { UserFactory, WorkspaceFactory } from '#database/factories/identity_factories'
import { keyStore, ScanForPlaintext } from '#vault/index'
import { twoFactor } from '#identity/services/two_factor'
import VaultScan from '#commands/vault_scan'
import VaultRotate from '#commands/vault_rotate'
import { createProbeTables, ProbeIntegration } from '#tests/vault/fixtures'

test.group('vault:scan and vault:rotate', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => createProbeTables())
  group.each.setup(() => keyStore.clear())
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('finds plaintext in columns declared encrypted, never printing it', async ({ assert }) => {
    const sealed = await UserFactory.create()
    sealed.totpSecret = await twoFactor.sealSecret(sealed.id, twoFactor.newSecret())
    await sealed.save()
    const clean = await new ScanForPlaintext().handle()
    assert.include(clean.checked, 'users.totp_secret')
    assert.deepEqual(clean.findings, [])

    const leaked = await UserFactory.create()
    await db.from('users').where('id', leaked.id).update({ totp_secret: 'JBSWY3DPEHPK3PXPJBSWY3DP' })
    const report = await new ScanForPlaintext().handle()
    assert.deepEqual(report.findings, [{ table: 'users', column: 'totp_secret', count: 1, looksLike: ['secret'] }])

    const command = await ace.create(VaultScan, [])
    await command.exec()
    command.assertFailed()
    command.assertLogMatches(/users\.totp_secret: 1 values are not encrypted \(look like: secret\)/)
    assert.notInclude(JSON.stringify(command.ui.logger.getLogs()), 'JBSWY3DP')
  })

  test('vault:scan passes on a clean database', async () => {
    const command = await ace.create(VaultScan, [])
    await command.exec()
    command.assertSucceeded()
    command.assertLogMatches(/No plaintext found/)
  })

  test('vault:rotate --workspace <slug> rotates and re-encrypts with progress', async ({ assert }) => {
    const workspace = await WorkspaceFactory.create()
    await ProbeIntegration.create({ workspaceId: workspace.id, apiToken: 'tok' })
    const command = await ace.create(VaultRotate, ['--workspace', workspace.slug, '--batch-size', '10'])
    await command.exec()
    command.assertSucceeded()
    command.assertLogMatches(/Started the rotation of workspace .*: data key v1 → v2, 1 items to re-encrypt/)
    command.assertLogMatches(/Rotation completed: 1 items now under data key v2/)
    const stored = await db.from('vault_probe_integrations').where('workspace_id', workspace.id).firstOrFail()
    assert.match(stored.api_token, /^vd1:w2:/)
  })

  test('vault:rotate --kek rewraps; a bad flag combination or an unknown workspace fails clearly', async () => {
    const kek = await ace.create(VaultRotate, ['--kek'])
    await kek.exec()
    kek.assertSucceeded()
    kek.assertLogMatches(/Rewrapped \d+ keys under KEK version 1/)

    const none = await ace.create(VaultRotate, [])
    await none.exec()
    none.assertFailed()
    none.assertLogMatches(/Choose exactly one of --workspace <slug>, --platform or --kek/)

    const unknown = await ace.create(VaultRotate, ['--workspace', 'no-such-workspace'])
    await unknown.exec()
    unknown.assertFailed()
    unknown.assertLogMatches(/No workspace with the address "no-such-workspace"/)
  })
})
