import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  blindIndexFor,
  DecryptionError,
  DestroySubjectKey,
  DestroyWorkspaceKeys,
  encryptedColumns,
  KeyDestroyedError,
  keyStore,
} from '#vault/index'
import { useLedgerPath } from '#vault/services/destruction_ledger'
import { createProbeTables, newWorkspaceId, ProbeContact, ProbeIntegration, ProbeMessage, storedValue } from '#tests/vault/fixtures'


test.group('Encrypted columns', (group) => {
  let ledgerDir: string
  group.setup(async () => {
    ledgerDir = await mkdtemp(join(tmpdir(), 'vault-ledger-'))
    useLedgerPath(join(ledgerDir, 'destructions.jsonl'))
    return async () => {
      useLedgerPath(undefined)
      await rm(ledgerDir, { recursive: true, force: true })
    }
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => createProbeTables())
  group.each.setup(() => keyStore.clear())

  test('values are sealed in the database and read back in clear, transparently', async ({ assert }) => {
    const workspaceId = newWorkspaceId()
    const contact = await ProbeContact.create({
      workspaceId,
      email: 'Ada@Example.test',
      phone: '+49 30 1234-56',
      profile: { name: 'Ada Lovelace', tags: ['vip'] },
      plan: 'pro',
    })
    assert.match(contact.id, /^[0-9a-f-]{36}$/, 'the row id is assigned before insert (it is part of the AAD)')
    assert.equal(contact.email, 'Ada@Example.test', 'the model keeps the plaintext after saving')

    // Whole plaintext fragments: a 3-letter one like "ada" turns up in random base64 about once in a hundred runs.
    const plaintextOf: Record<string, string> = { email: 'Example.test', phone: '1234-56', profile: 'Lovelace' }
    for (const [column, fragment] of Object.entries(plaintextOf)) {
      const stored = (await storedValue('vault_probe_contacts', column, contact.id))!
      assert.match(stored, /^vd1:s1:/, `${column} is sealed with the contact's own key`)
      assert.notInclude(stored, fragment)
    }
    assert.equal(await storedValue('vault_probe_contacts', 'plan', contact.id), 'pro')

    const found = await ProbeContact.findOrFail(contact.id)
    assert.equal(found.email, 'Ada@Example.test')
    assert.equal(found.phone, '+49 30 1234-56')
    assert.deepEqual(found.profile, { name: 'Ada Lovelace', tags: ['vip'] })
    assert.isFalse(found.$isDirty, 'opened values are not dirty')

    const [listed] = await ProbeContact.query().where('workspace_id', workspaceId)
    assert.equal(listed.email, 'Ada@Example.test')
    const page = await ProbeContact.query().where('workspace_id', workspaceId).paginate(1, 10)
    assert.deepEqual(page.all()[0].profile, { name: 'Ada Lovelace', tags: ['vip'] })
  })

  test('preloaded relations are opened too', async ({ assert }) => {
    const workspaceId = newWorkspaceId()
    const contact = await ProbeContact.create({ workspaceId, email: 'thread@example.test' })
    await ProbeMessage.createMany([
      { workspaceId, contactId: contact.id, body: 'first' },
      { workspaceId, contactId: contact.id, body: 'second' },
    ])
    const loaded = await ProbeContact.query().where('id', contact.id).preload('messages').firstOrFail()
    assert.equal(loaded.email, 'thread@example.test')
    assert.sameMembers(loaded.messages.map((message) => message.body), ['first', 'second'])
  })

  test('only changed fields are sealed again; untouched rows are not written', async ({ assert }) => {
    const contact = await ProbeContact.create({ workspaceId: newWorkspaceId(), email: 'a@example.test', phone: '123 4567' })
    const phoneBefore = await storedValue('vault_probe_contacts', 'phone', contact.id)
    const found = await ProbeContact.findOrFail(contact.id)
    found.email = 'b@example.test'
    await found.save()
    assert.equal(await storedValue('vault_probe_contacts', 'phone', contact.id), phoneBefore)
    assert.equal((await ProbeContact.findOrFail(contact.id)).email, 'b@example.test')
    found.profile = null
    await found.save()
    assert.isNull(await storedValue('vault_probe_contacts', 'profile', contact.id))
  })

  test('blind indexes find rows by email or phone, normalised, per workspace', async ({ assert }) => {
    const workspaceId = newWorkspaceId()
    const otherWorkspaceId = newWorkspaceId()
    const contact = await ProbeContact.create({ workspaceId, email: 'Grace.Hopper@Example.test', phone: '+1 (202) 555-0100' })
    const twin = await ProbeContact.create({ workspaceId: otherWorkspaceId, email: 'grace.hopper@example.test' })
    assert.notEqual(contact.emailIndex, twin.emailIndex, 'the same email hashes differently in another workspace')

    const byEmail = await ProbeContact.query()
      .where('workspace_id', workspaceId)
      .where('email_index', (await blindIndexFor(workspaceId, 'email', '  GRACE.hopper@example.TEST '))!)
      .firstOrFail()
    assert.equal(byEmail.id, contact.id)
    const byPhone = await ProbeContact.query()
      .where('workspace_id', workspaceId)
      .where('phone_index', (await blindIndexFor(workspaceId, 'phone', '+12025550100'))!)
      .firstOrFail()
    assert.equal(byPhone.id, contact.id)
    assert.isNull(await blindIndexFor(workspaceId, 'email', '   '))
    assert.notInclude(JSON.stringify(contact.serialize()), contact.emailIndex!, 'index values are not serialized')
  })

  test('DEK-sealed secrets and JSON; secrets are never serialized', async ({ assert }) => {
    const integration = await ProbeIntegration.create({ workspaceId: newWorkspaceId(), apiToken: 'sk_live_123456789', settings: { region: 'eu', retries: 3 } })
    assert.match((await storedValue('vault_probe_integrations', 'api_token', integration.id))!, /^vd1:w1:/)
    const found = await ProbeIntegration.findOrFail(integration.id)
    assert.equal(found.apiToken, 'sk_live_123456789')
    assert.deepEqual(found.settings, { region: 'eu', retries: 3 })
    assert.notProperty(found.serialize(), 'apiToken')
  })

  test('models register their encrypted columns for rotation', async ({ assert }) => {
    const columns = encryptedColumns().filter((column) => column.table.startsWith('vault_probe_'))
    assert.deepInclude(columns, {
      table: 'vault_probe_messages',
      column: 'body',
      primaryKey: 'id',
      workspaceColumn: 'workspace_id',
      subject: { type: 'contact', column: 'contact_id' },
      origin: 'ProbeMessage',
    })
    assert.includeMembers(columns.map((column) => `${column.table}.${column.column}`), [
      'vault_probe_contacts.email',
      'vault_probe_contacts.phone',
      'vault_probe_contacts.profile',
      'vault_probe_integrations.api_token',
      'vault_probe_integrations.settings',
    ])
  })

  test('a ciphertext copied to another row, column or workspace fails with a DecryptionError (422)', async ({ assert }) => {
    const workspaceId = newWorkspaceId()
    const first = await ProbeIntegration.create({ workspaceId, apiToken: 'token-one' })
    const second = await ProbeIntegration.create({ workspaceId, apiToken: 'token-two', settings: { a: 1 } })
    const elsewhere = await ProbeIntegration.create({ workspaceId: newWorkspaceId(), apiToken: 'token-three' })
    const stolen = await storedValue('vault_probe_integrations', 'api_token', first.id)

    const attempts = [
      { id: second.id, column: 'api_token' },
      { id: second.id, column: 'settings' },
      { id: elsewhere.id, column: 'api_token' },
    ]
    for (const attempt of attempts) {
      await db.from('vault_probe_integrations').where('id', attempt.id).update({ [attempt.column]: stolen })
      try {
        await ProbeIntegration.findOrFail(attempt.id)
        assert.fail(`${attempt.column} of another row must not open`)
      } catch (error) {
        assert.instanceOf(error, DecryptionError)
        assert.equal((error as DecryptionError).status, 422)
        assert.notInclude((error as Error).message, 'token-one')
      }
    }
    await assert.rejects(() => ProbeIntegration.query().where('workspace_id', workspaceId), /could not be decrypted/)
  })

  test('a tampered value or an unknown key version is refused, and nothing of the row is returned', async ({ assert }) => {
    const integration = await ProbeIntegration.create({ workspaceId: newWorkspaceId(), apiToken: 'tok', settings: { ok: true } })
    const sealed = (await storedValue('vault_probe_integrations', 'settings', integration.id))!
    const flipped = sealed.slice(0, -3) + (sealed.slice(-3, -2) === 'A' ? 'B' : 'A') + sealed.slice(-2)
    await db.from('vault_probe_integrations').where('id', integration.id).update({ settings: flipped })
    await assert.rejects(() => ProbeIntegration.findOrFail(integration.id), /integrity check failed/)

    await db.from('vault_probe_integrations').where('id', integration.id).update({ settings: sealed.replace('vd1:w1:', 'vd1:w7:') })
    try {
      await ProbeIntegration.findOrFail(integration.id)
      assert.fail('an unknown key version must be refused')
    } catch (error) {
      assert.instanceOf(error, DecryptionError)
      assert.equal((error as DecryptionError).reason, 'unknown_key_version')
    }
  })

  test('writing encrypted columns around the hooks is refused instead of storing plaintext', async ({ assert }) => {
    const integration = new ProbeIntegration()
    integration.fill({ workspaceId: newWorkspaceId(), apiToken: 'plain' })
    await assert.rejects(() => integration.saveQuietly(), /write it with save\(\)/)
  })

  test('a shredded contact: 410 on find, redacted in lists, no new data, other contacts unharmed', async ({ assert }) => {
    const workspaceId = newWorkspaceId()
    const erased = await ProbeContact.create({ workspaceId, email: 'erase.me@example.test', profile: { name: 'Eve', tags: [] } })
    const kept = await ProbeContact.create({ workspaceId, email: 'keep.me@example.test' })
    await ProbeMessage.create({ workspaceId, contactId: erased.id, body: 'my secret question' })
    await ProbeMessage.create({ workspaceId, contactId: kept.id, body: 'hello' })

    const entry = await new DestroySubjectKey().handle({ scope: workspaceId, subject: { type: 'contact', id: erased.id }, reason: 'erasure_request' })
    assert.equal(entry?.subjectId, erased.id)

    try {
      await ProbeContact.findOrFail(erased.id)
      assert.fail('reading a shredded contact must be refused')
    } catch (error) {
      assert.instanceOf(error, KeyDestroyedError)
      assert.equal((error as KeyDestroyedError).status, 410)
    }
    const contacts = await ProbeContact.query().where('workspace_id', workspaceId).orderBy('id')
    const shredded = contacts.find((contact) => contact.id === erased.id)!
    assert.isTrue(shredded.isShredded)
    assert.isNull(shredded.email)
    assert.isNull(shredded.profile)
    const intact = contacts.find((contact) => contact.id === kept.id)!
    assert.isFalse(intact.isShredded)
    assert.equal(intact.email, 'keep.me@example.test')

    const thread = await ProbeMessage.query().where('workspace_id', workspaceId)
    assert.deepEqual(thread.map((message) => message.body).sort(), [null, 'hello'].sort() as (string | null)[])

    await assert.rejects(() => ProbeMessage.create({ workspaceId, contactId: erased.id, body: 'again' }), /permanently erased/)
    assert.isNull(await new DestroySubjectKey().handle({ scope: workspaceId, subject: { type: 'contact', id: erased.id }, reason: 'erasure_request' }), 'destroying twice records once')
  })

  test('deleting a workspace destroys its keys: everything of it is unreadable, new keys are refused', async ({ assert }) => {
    const workspaceId = newWorkspaceId()
    const contact = await ProbeContact.create({ workspaceId, email: 'x@example.test' })
    const integration = await ProbeIntegration.create({ workspaceId, apiToken: 'tok' })
    const neighbour = await ProbeIntegration.create({ workspaceId: newWorkspaceId(), apiToken: 'neighbour' })

    const entry = await new DestroyWorkspaceKeys().handle(workspaceId)
    assert.equal(entry?.target, 'workspace')
    const keys = await db.from('vault_keys').where('workspace_id', workspaceId)
    assert.isTrue(keys.length >= 2)
    assert.isTrue(keys.every((key) => key.status === 'destroyed' && key.wrapped_key === null))

    await assert.rejects(() => ProbeContact.findOrFail(contact.id), /permanently erased/)
    await assert.rejects(() => ProbeIntegration.findOrFail(integration.id), /permanently erased/)
    await assert.rejects(() => ProbeIntegration.create({ workspaceId, apiToken: 'new' }), /permanently erased/)
    await assert.rejects(() => blindIndexFor(workspaceId, 'email', 'x@example.test'), /permanently erased/)
    assert.equal((await ProbeIntegration.findOrFail(neighbour.id)).apiToken, 'neighbour')

    const recorded = await db.from('vault_key_destructions').where('workspace_id', workspaceId).firstOrFail()
    assert.equal(recorded.entry_hash, entry!.hash)
  })

  test('a workspace that never had keys can be shredded too, and gets none afterwards', async ({ assert }) => {
    const workspaceId = newWorkspaceId()
    await new DestroyWorkspaceKeys().handle(workspaceId)
    await assert.rejects(() => ProbeIntegration.create({ workspaceId, apiToken: 'tok' }), /permanently erased/)
  })
})
