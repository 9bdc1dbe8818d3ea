import { test } from '@japa/runner'
import { KeyCache } from '#vault/services/key_cache'

test.group('Unwrapped-key cache', () => {
  test('entries expire after their time to live', async ({ assert }) => {
    const cache = new KeyCache<string>(30, 10)
    cache.set('a', 'key')
    assert.equal(cache.get('a'), 'key')
    await new Promise((resolve) => setTimeout(resolve, 40))
    assert.isUndefined(cache.get('a'))
  })

  test('the least recently used entry goes first when full', ({ assert }) => {
    const cache = new KeyCache<number>(60_000, 2)
    cache.set('a', 1)
    cache.set('b', 2)
    cache.get('a')
    cache.set('c', 3)
    assert.equal(cache.get('a'), 1)
    assert.isUndefined(cache.get('b'))
    assert.equal(cache.size, 2)
  })

  test('a scope’s entries can be dropped at once', ({ assert }) => {
    const cache = new KeyCache<number>(60_000, 10)
    cache.set('d:w1:1', 1)
    cache.set('d:w1:2', 2)
    cache.set('d:w2:1', 3)
    cache.deletePrefix('d:w1:')
    assert.equal(cache.size, 1)
  })
})
