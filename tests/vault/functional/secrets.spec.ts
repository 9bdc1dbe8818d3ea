import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import encryption from '@adonisjs/core/services/encryption'
import { generate } from 'otplib'
import { UserFactory } from '#database/factories/identity_factories'
import { DestroySubjectKey, keyStore, PLATFORM_SCOPE, secrets } from '#vault/index'
import { twoFactor } from '#identity/services/two_factor'
import { useLedgerPath } from '#vault/services/destruction_ledger'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const context = { scope: PLATFORM_SCOPE, table: 'users', column: 'totp_secret', rowId: 'user-1' }

test.group('Secrets', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => keyStore.clear())

  test('seal and open, bound to their place; only the last four characters are shown', async ({ assert }) => {
    const sealed = await secrets.seal('whsec_abcdefgh1234', context)
    assert.isTrue(secrets.isSealed(sealed))
    assert.equal(await secrets.open(sealed, context), 'whsec_abcdefgh1234')
    await assert.rejects(() => secrets.open(sealed, { ...context, rowId: 'user-2' }), /integrity check failed/)
    await assert.rejects(() => secrets.open('not sealed', context), /malformed/)
    assert.equal(secrets.lastFour('whsec_abcdefgh1234'), '••••1234')
    assert.equal(secrets.lastFour('short'), '••••')
  })

  test('the TOTP secret is sealed by the vault with the user’s own platform key', async ({ assert }) => {
    const user = await UserFactory.create()
    const secret = twoFactor.newSecret()
    user.totpSecret = await twoFactor.sealSecret(user.id, secret)
    await user.save()
    const stored = await db.from('users').where('id', user.id).select('totp_secret').firstOrFail()
    assert.match(stored.totp_secret, /^vd1:s1:/)
    assert.notInclude(stored.totp_secret, secret)
    assert.equal(await twoFactor.openSecret(user.id, stored.totp_secret), secret)
    const subjectKey = await db.from('vault_subject_keys').whereNull('workspace_id').where('subject_id', user.id).firstOrFail()
    assert.equal(subjectKey.subject_type, 'workspace_user')
  })

  test('a TOTP secret sealed before the vault still works and moves into the vault at the next sign-in', async ({ client, assert }) => {
    const user = await UserFactory.merge({ email: 'legacy-2fa@example.test' }).create()
    const secret = twoFactor.newSecret()
    user.totpSecret = encryption.encrypt(secret, undefined, 'totp')
    user.totpEnabledAt = (await import('luxon')).DateTime.now()
    await user.save()

    const first = await client.post('/login').form({ email: 'legacy-2fa@example.test', password: 'correct-horse-battery' }).withCsrfToken().redirects(0)
    const second = await client
      .post('/login/two-factor')
      .withSession(first.session())
      .form({ code: await generate({ secret }) })
      .withCsrfToken()
      .redirects(0)
    second.assertHeader('location', '/app')
    await user.refresh()
    assert.match(user.totpSecret!, /^vd1:s1:/)
    assert.equal(await twoFactor.openSecret(user.id, user.totpSecret!), secret)
  })

  test('erasing a workspace user shreds their TOTP secret', async ({ assert }) => {
    const dir = await mkdtemp(join(tmpdir(), 'vault-ledger-'))
    useLedgerPath(join(dir, 'destructions.jsonl'))
    try {
      const user = await UserFactory.create()
      const sealed = await twoFactor.sealSecret(user.id, twoFactor.newSecret())
      await new DestroySubjectKey().handle({ scope: PLATFORM_SCOPE, subject: { type: 'workspace_user', id: user.id }, reason: 'erasure_request' })
      await assert.rejects(() => twoFactor.openSecret(user.id, sealed), /permanently erased/)
    } finally {
      useLedgerPath(undefined)
      await rm(dir, { recursive: true, force: true })
    }
  })
})
