import { test } from '@japa/runner'
import { canonicalJson, verifyCertificate } from '#privacy/services/certificates'
import { toCsv } from '#privacy/services/export_archive'

test.group('Privacy certificates and export formats', () => {
  test('canonical JSON does not depend on key order', ({ assert }) => {
    assert.equal(canonicalJson({ b: 1, a: [{ d: 2, c: null }] }), canonicalJson({ a: [{ c: null, d: 2 }], b: 1 }))
    assert.equal(canonicalJson({ b: 1, a: 'x' }), '{"a":"x","b":1}')
  })

  test('a malformed certificate is refused with a reason, never a crash', async ({ assert }) => {
    assert.isFalse((await verifyCertificate(null)).valid)
    assert.isFalse((await verifyCertificate({ algorithm: 'RSA' })).valid)
    const malformed = await verifyCertificate({ algorithm: 'Ed25519', payload: {}, signature: '!!', publicKey: 'nope' })
    assert.isFalse(malformed.valid)
    assert.match(malformed.reason!, /malformed/)
  })

  test('CSV quotes commas, quotes and line breaks', ({ assert }) => {
    const csv = toCsv([{ name: 'Doe, Jane', note: 'said "hi"\nthen left', count: 2 }])
    assert.equal(csv, 'name,note,count\r\n"Doe, Jane","said ""hi""\nthen left",2\r\n')
  })
})
