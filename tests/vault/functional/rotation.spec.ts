import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { randomBytes } from 'node:crypto'
import env from '#start/env'
import {
  blindIndexFor,
  keyStore,
  LocalKeyringProvider,
  PLATFORM_SCOPE,
  ReencryptScopeData,
  RewrapDataKeys,
  secrets,
  StartKeyRotation,
} from '#vault/index'
import KeyRotation from '#vault/models/key_rotation'
import { createProbeTables, newWorkspaceId, ProbeContact, ProbeIntegration, ProbeMessage } from '#tests/vault/fixtures'

const TEST_KEK = env.get('VAULT_KEYRING')!.release()

async function workspaceWithData(integrations = 3) {
  const workspaceId = newWorkspaceId()
  const contact = await ProbeContact.create({ workspaceId, email: 'lin@example.test' })
  await ProbeMessage.create({ workspaceId, contactId: contact.id, body: 'hi' })
  for (let index = 0; index < integrations; index++) {
    await ProbeIntegration.create({ workspaceId, apiToken: `token-${index}`, settings: { index } })
  }
  return { workspaceId, contact }
}

async function sealedVersions(workspaceId: string) {
  const rows = await db.from('vault_probe_integrations').where('workspace_id', workspaceId).select('api_token', 'settings')
  return new Set(rows.flatMap((row) => [row.api_token, row.settings]).filter(Boolean).map((value: string) => value.slice(0, 7)))
}

test.group('Key rotation', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => createProbeTables())
  group.each.setup(() => {
    keyStore.clear()
    return () => keyStore.useProvider(undefined)
  })

  test('a DEK rotation makes a new version, re-encrypts old values and rewraps subject keys', async ({ assert }) => {
    const { workspaceId, contact } = await workspaceWithData()
    const indexBefore = await blindIndexFor(workspaceId, 'email', 'lin@example.test')
    assert.deepEqual(await sealedVersions(workspaceId), new Set(['vd1:w1:']))

    const { rotation } = await new StartKeyRotation().handle(workspaceId, { dispatch: false })
    assert.equal(rotation.fromVersion, 1)
    assert.equal(rotation.toVersion, 2)
    assert.equal(rotation.total, 3 * 2 + 1, 'six DEK-sealed values and one subject key')
    const keys = await db.from('vault_keys').where('workspace_id', workspaceId).where('purpose', 'data').orderBy('version')
    assert.deepEqual(keys.map((key) => [key.version, key.status]), [[1, 'retired'], [2, 'active']])

    const written = await ProbeIntegration.create({ workspaceId, apiToken: 'during-rotation' })
    assert.match((await db.from('vault_probe_integrations').where('id', written.id).firstOrFail()).api_token, /^vd1:w2:/)
    assert.equal((await ProbeIntegration.findOrFail(written.id)).apiToken, 'during-rotation', 'old and new versions read side by side')

    const done = await new ReencryptScopeData().handle(rotation.id)
    assert.equal(done.status, 'completed')
    assert.equal(done.processed, done.total)
    assert.isNotNull(done.finishedAt)
    assert.deepEqual(await sealedVersions(workspaceId), new Set(['vd1:w2:']))
    const subjectKey = await db.from('vault_subject_keys').where('workspace_id', workspaceId).firstOrFail()
    assert.equal(subjectKey.dek_version, 2)

    keyStore.clear()
    const tokens = (await ProbeIntegration.query().where('workspace_id', workspaceId)).map((row) => row.apiToken).sort()
    assert.deepEqual(tokens, ['during-rotation', 'token-0', 'token-1', 'token-2'])
    assert.equal((await ProbeContact.findOrFail(contact.id)).email, 'lin@example.test')
    assert.equal(await blindIndexFor(workspaceId, 'email', 'lin@example.test'), indexBefore, 'blind indexes stay valid across DEK rotation')
  })

  test('a rotation killed between batches resumes from its cursor without redoing or skipping rows', async ({ assert }) => {
    const { workspaceId } = await workspaceWithData(12)
    const { rotation } = await new StartKeyRotation().handle(workspaceId, { dispatch: false })
    assert.equal(rotation.total, 25)

    // The worker dies after two committed batches of five.
    const interrupted = await new ReencryptScopeData().handle(rotation.id, { batchSize: 5, maxBatches: 2 })
    assert.equal(interrupted.status, 'running')
    const saved = await KeyRotation.findOrFail(rotation.id)
    assert.equal(saved.processed, 6, 'the subject key (a target of its own) and one batch of five values')
    assert.isNotNull(saved.cursor)

    const again = await new StartKeyRotation().handle(workspaceId, { dispatch: false })
    assert.isTrue(again.resumed, 'starting again resumes the unfinished rotation')
    assert.equal(again.rotation.id, rotation.id)

    const done = await new ReencryptScopeData().handle(rotation.id, { batchSize: 5 })
    assert.equal(done.status, 'completed')
    assert.equal(done.processed, 25, 'every item exactly once')
    assert.deepEqual(await sealedVersions(workspaceId), new Set(['vd1:w2:']))
  })

  test('a batch is atomic: a failure inside it rolls the whole batch back, and the rotation resumes after the fix', async ({ assert }) => {
    const { workspaceId } = await workspaceWithData(4)
    const { rotation } = await new StartKeyRotation().handle(workspaceId, { dispatch: false })
    const rows = await db.from('vault_probe_integrations').where('workspace_id', workspaceId).orderBy('id')
    const broken = rows[2]
    await db.from('vault_probe_integrations').where('id', broken.id).update({ api_token: rows[0].api_token })

    await assert.rejects(() => new ReencryptScopeData().handle(rotation.id, { batchSize: 100 }), /failed to decrypt/)
    const failed = await KeyRotation.findOrFail(rotation.id)
    assert.equal(failed.status, 'failed')
    assert.match(failed.error!, new RegExp(`vault_probe_integrations.api_token row ${broken.id} failed to decrypt`))
    assert.notInclude(failed.error!, 'token-')
    const firstRow = await db.from('vault_probe_integrations').where('id', rows[0].id).firstOrFail()
    assert.match(firstRow.api_token, /^vd1:w1:/, 'rows before the failure in the same batch were rolled back')

    await db.from('vault_probe_integrations').where('id', broken.id).update({ api_token: null })
    const done = await new ReencryptScopeData().handle(rotation.id)
    assert.equal(done.status, 'completed')
    assert.isNull(done.error)
    assert.deepEqual(await sealedVersions(workspaceId), new Set(['vd1:w2:']))
  })

  test('the platform scope rotates too (secrets of workspace users)', async ({ assert }) => {
    const context = { scope: PLATFORM_SCOPE, table: 'vault_probe_integrations', column: 'api_token', rowId: 'row-1' }
    const before = await secrets.seal('platform-secret', context)
    const { rotation } = await new StartKeyRotation().handle(PLATFORM_SCOPE, { dispatch: false })
    await new ReencryptScopeData().handle(rotation.id)
    keyStore.clear()
    assert.equal(await secrets.open(before, context), 'platform-secret', 'the retired version still opens')
    assert.match(await secrets.seal('new', context), new RegExp(`^vd1:w${rotation.toVersion}:`))
  })

  test('KEK rotation rewraps every DEK under the new KEK; data is untouched and still opens', async ({ assert }) => {
    const { workspaceId, contact } = await workspaceWithData(1)
    const before = await db.from('vault_probe_integrations').where('workspace_id', workspaceId).select('api_token')
    const newKek = randomBytes(32).toString('base64')
    keyStore.useProvider(new LocalKeyringProvider(`${TEST_KEK},2:${newKek}`))

    const rotation = await new RewrapDataKeys().handle()
    assert.equal(rotation.kind, 'kek')
    assert.equal(rotation.status, 'completed')
    assert.equal(rotation.toVersion, 2)
    assert.isAtLeast(rotation.processed, 2)
    const kekVersions = await db.from('vault_keys').whereNotNull('wrapped_key').distinct('kek_version')
    assert.deepEqual(kekVersions.map((row) => row.kek_version), [2])
    assert.deepEqual(await db.from('vault_probe_integrations').where('workspace_id', workspaceId).select('api_token'), before)

    keyStore.useProvider(new LocalKeyringProvider(`2:${newKek}`))
    assert.equal((await ProbeContact.findOrFail(contact.id)).email, 'lin@example.test', 'the old KEK is no longer needed')
    assert.equal((await new RewrapDataKeys().handle()).total, 0, 'idempotent')

    keyStore.useProvider(new LocalKeyringProvider(TEST_KEK))
    await assert.rejects(() => ProbeContact.findOrFail(contact.id), /KEK version 2 is not in the keyring/)
  })
})
