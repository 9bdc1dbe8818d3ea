import { test } from '@japa/runner'
import { safeStringify } from '@poppinss/utils/json'
import { serializeJson } from '#core/json_response'

test.group('Response JSON', () => {
  test('writes what the framework serializer writes: toJSON, dates, dropped undefined', ({ assert }) => {
    const payload = { when: new Date('2026-11-26T12:00:00Z'), skipped: undefined, list: [1, 'two', null, undefined], nested: { toJSON: () => 'custom' } }
    assert.equal(serializeJson(payload), safeStringify(payload))
    assert.equal(serializeJson(payload), '{"when":"2026-11-26T12:00:00.000Z","list":[1,"two",null,null],"nested":"custom"}')
  })

  test('falls back to the safe serializer for what JSON.stringify refuses: circular references and bigints', ({ assert }) => {
    const circular: Record<string, unknown> = { name: 'loop' }
    circular.self = circular
    assert.equal(serializeJson(circular), '{"name":"loop"}')
    assert.equal(serializeJson({ big: 12n }), '{"big":"12"}')
  })
})
