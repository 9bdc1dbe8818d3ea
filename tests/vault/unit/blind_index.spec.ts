import { test } from '@japa/runner'
import { normalizeForBlindIndex } from '#vault/index'
import { deriveSubkey, keyedHash, randomKey, sodiumReady } from '#vault/services/sodium'

test.group('Blind-index normalisation and keyed hashing', (group) => {
  group.setup(() => sodiumReady())

  test('emails ignore case and surrounding spaces', ({ assert }) => {
    assert.equal(normalizeForBlindIndex('email', '  Ada.Lovelace@Example.TEST '), 'ada.lovelace@example.test')
  })

  test('phones keep digits only', ({ assert }) => {
    assert.equal(normalizeForBlindIndex('phone', '+49 (30) 1234-56'), '4930123456')
    assert.equal(normalizeForBlindIndex('phone', '+49 30 123456'), '4930123456')
  })

  test('external ids drop spaces but keep case', ({ assert }) => {
    assert.equal(normalizeForBlindIndex('external_id', ' cus_AbC 123 '), 'cus_AbC123')
  })

  test('each kind and each index key hash differently (crypto_kdf subkeys)', ({ assert }) => {
    const indexKey = randomKey()
    const email = Buffer.from(keyedHash(deriveSubkey(indexKey, 1, 'vdblindx'), 'x')).toString('hex')
    const phone = Buffer.from(keyedHash(deriveSubkey(indexKey, 2, 'vdblindx'), 'x')).toString('hex')
    const otherWorkspace = Buffer.from(keyedHash(deriveSubkey(randomKey(), 1, 'vdblindx'), 'x')).toString('hex')
    assert.notEqual(email, phone)
    assert.notEqual(email, otherWorkspace)
    assert.equal(Buffer.from(keyedHash(deriveSubkey(indexKey, 1, 'vdblindx'), 'x')).toString('hex'), email)
  })
})
