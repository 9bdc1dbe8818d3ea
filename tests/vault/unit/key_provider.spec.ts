import { test } from '@japa/runner'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LocalKeyringProvider, KeyringError } from '#vault/index'

const keyOf = () => randomBytes(32).toString('base64')

test.group('Local keyring (KEK provider)', () => {
  test('the newest version wraps; every listed version unwraps', async ({ assert }) => {
    const v1 = keyOf()
    const old = new LocalKeyringProvider(`1:${v1}`)
    const wrappedByV1 = await old.wrap(Buffer.alloc(32, 1), 'ctx')
    assert.equal(wrappedByV1.kekVersion, 1)
    assert.notInclude(wrappedByV1.ciphertext, Buffer.alloc(32, 1).toString('base64'))

    const both = new LocalKeyringProvider(`1:${v1}, 2:${keyOf()}`)
    assert.equal(await both.currentVersion(), 2)
    assert.deepEqual(await both.versions(), [1, 2])
    assert.deepEqual(Buffer.from(await both.unwrap(wrappedByV1, 'ctx')), Buffer.alloc(32, 1))
    const wrappedByV2 = await both.wrap(Buffer.alloc(32, 2), 'ctx')
    assert.equal(wrappedByV2.kekVersion, 2)
  })

  test('a wrapped key only opens for its own context', async ({ assert }) => {
    const provider = new LocalKeyringProvider(`1:${keyOf()}`)
    const wrapped = await provider.wrap(Buffer.alloc(32, 3), 'vaultdesk:dek:workspace-a:v1')
    await assert.rejects(() => provider.unwrap(wrapped, 'vaultdesk:dek:workspace-b:v1'), /did not open/)
  })

  test('a missing version, a missing keyring and malformed entries get clear errors without key material', async ({ assert }) => {
    const v2Only = new LocalKeyringProvider(`2:${keyOf()}`)
    await assert.rejects(() => v2Only.unwrap({ kekVersion: 1, ciphertext: 'AAAA' }, 'ctx'), /KEK version 1 is not in the keyring \(it has 2\)/)
    assert.throws(() => LocalKeyringProvider.fromEnvironment({}), /No vault keyring: set VAULT_KEYRING or VAULT_KEYRING_FILE/)
    assert.throws(() => new LocalKeyringProvider('1:c2hvcnQ='), /must be 32 bytes/)
    assert.throws(() => new LocalKeyringProvider('nonsense'), /must look like "1:<base64 key>"/)
    const secret = keyOf()
    try {
      new LocalKeyringProvider(`1:${secret},1:${secret}`)
      assert.fail('duplicate versions must be refused')
    } catch (error) {
      assert.instanceOf(error, KeyringError)
      assert.notInclude((error as Error).message, secret)
    }
  })

  test('reads a keyring file kept outside the database (comments and one entry per line)', async ({ assert }) => {
    const dir = await mkdtemp(join(tmpdir(), 'keyring-'))
    try {
      const file = join(dir, 'keyring')
      await writeFile(file, `# Vaultdesk KEKs\n1:${keyOf()}\n3:${keyOf()}\n`)
      const provider = LocalKeyringProvider.fromEnvironment({ keyringFile: file })
      assert.deepEqual(await provider.versions(), [1, 3])
      assert.throws(() => LocalKeyringProvider.fromEnvironment({ keyringFile: join(dir, 'missing') }), /cannot be read \(ENOENT\)/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
