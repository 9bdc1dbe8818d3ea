import { test } from '@japa/runner'
import logger from '@adonisjs/core/services/logger'
import { aeadDecrypt, aeadEncrypt, aeadOpenTexts, randomKey, randomNonce, referenceAead, sodiumReady } from '#vault/services/sodium'
import { isEnvelope, keyRefOf, openField, sealField, type FieldContext } from '#vault/services/field_cipher'
import { DecryptionError } from '#vault/index'

const context: FieldContext = {
  scope: '6f0f2d2e-2a5c-4d7a-9d0e-1f2a3b4c5d6e',
  table: 'contacts',
  column: 'email',
  rowId: '0b4c3c39-2b7e-4c44-9a57-1bf4b07a1fc2',
}
const ref = { kind: 'w', version: 1 } as const
const plaintext = 'ada.lovelace@example.test'

function capturedWarnings(run: () => void) {
  const warnings: unknown[][] = []
  const original = logger.warn
  logger.warn = ((...args: unknown[]) => warnings.push(args)) as typeof logger.warn
  try {
    run()
  } catch (error) {
    return { warnings, error }
  } finally {
    logger.warn = original
  }
  return { warnings, error: null }
}

test.group('Field encryption (XChaCha20-Poly1305 IETF)', (group) => {
  group.setup(() => sodiumReady())

  test('the fast path is libsodium’s own construction, both ways', ({ assert }) => {
    const key = randomKey()
    const nonce = randomNonce()
    const ad = Buffer.from('associated')
    for (const size of [0, 1, 200, 5000]) {
      const message = Buffer.alloc(size, 7)
      const fast = aeadEncrypt(key, nonce, ad, message)
      assert.deepEqual(Buffer.from(referenceAead.encrypt(key, nonce, ad, message)), fast)
      assert.deepEqual(Buffer.from(referenceAead.decrypt(key, nonce, ad, fast)), message)
      assert.deepEqual(aeadDecrypt(key, nonce, ad, Buffer.from(referenceAead.encrypt(key, nonce, ad, message))), message)
    }
  })

  test('the page-load text path opens exactly what libsodium sealed, and nothing altered', ({ assert }) => {
    const key = randomKey()
    const values = ['', 'ascii', 'Zoë 🌍 – ünïcödé', 'x'.repeat(5000)].map((text) => {
      const nonce = randomNonce()
      const sealed = Buffer.from(referenceAead.encrypt(key, nonce, Buffer.from(`ad|ü|${text.length}`), Buffer.from(text)))
      return { text, associatedData: `ad|ü|${text.length}`, payload: Buffer.concat([nonce, sealed]).toString('base64url') }
    })
    assert.deepEqual(aeadOpenTexts(key, values), values.map(({ text }) => text))
    assert.deepEqual(
      aeadOpenTexts(key, values.map((value) => ({ ...value, associatedData: value.associatedData.replace('ü', 'u') }))),
      values.map(() => null)
    )
    assert.deepEqual(aeadOpenTexts(randomKey(), values.slice(0, 1)), [null])
    assert.deepEqual(aeadOpenTexts(key, [{ associatedData: 'ad', payload: 'c2hvcnQ' }, values[1]]), [null, 'ascii'])
  })

  test('values round-trip; every value gets its own nonce', ({ assert }) => {
    const key = randomKey()
    const first = sealField(key, ref, context, Buffer.from(plaintext))
    const second = sealField(key, ref, context, Buffer.from(plaintext))
    assert.notEqual(first, second)
    assert.isTrue(isEnvelope(first))
    assert.match(first, /^vd1:w1:[A-Za-z0-9_-]+$/)
    assert.notInclude(first, 'ada')
    assert.deepEqual(keyRefOf(first), ref)
    assert.equal(openField(key, context, first).toString(), plaintext)
  })

  test('a ciphertext moved to another row, column, table or workspace does not open', ({ assert }) => {
    const key = randomKey()
    const sealed = sealField(key, ref, context, Buffer.from(plaintext))
    for (const elsewhere of [
      { ...context, rowId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' },
      { ...context, column: 'phone' },
      { ...context, table: 'users' },
      { ...context, scope: 'platform' },
    ]) {
      assert.throws(() => openField(key, elsewhere, sealed), /integrity check failed/)
    }
  })

  test('tampering, relabelling the key version and a wrong key are refused, never half-decrypted', ({ assert }) => {
    const key = randomKey()
    const sealed = sealField(key, ref, context, Buffer.from(plaintext))
    const payload = Buffer.from(sealed.slice(7), 'base64url')
    payload[payload.length - 20] ^= 1
    const tampered = `vd1:w1:${payload.toString('base64url')}`
    const relabelled = sealed.replace('vd1:w1:', 'vd1:w2:')
    for (const bad of [tampered, relabelled]) {
      const { error } = capturedWarnings(() => openField(key, context, bad))
      assert.instanceOf(error, DecryptionError)
      assert.equal((error as DecryptionError).status, 422)
    }
    assert.throws(() => openField(randomKey(), context, sealed), /integrity check failed/)
    assert.throws(() => openField(key, context, 'vd1:w1:short'), /malformed/)
    assert.throws(() => openField(key, context, plaintext), /malformed/)
  })

  test('a failure is logged with where it happened, never with the value', ({ assert }) => {
    const key = randomKey()
    const sealed = sealField(key, ref, context, Buffer.from(plaintext))
    const { warnings, error } = capturedWarnings(() => openField(key, { ...context, rowId: 'other-row' }, sealed))
    assert.instanceOf(error, DecryptionError)
    assert.lengthOf(warnings, 1)
    const logged = JSON.stringify(warnings[0])
    assert.include(logged, 'contacts')
    assert.include(logged, 'other-row')
    assert.include(logged, '"w1"')
    assert.notInclude(logged, 'ada')
    assert.notInclude(logged, sealed.slice(7, 30))
    assert.notInclude((error as Error).message, plaintext)
  })
})
