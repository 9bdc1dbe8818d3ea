import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import HttpExceptionHandler from '#exceptions/handler'
import { DecryptionError, KeyDestroyedError, KeyringError } from '#vault/index'

/** Vault errors reach people as 410 / 422 / 503 with a message, never as a 500. */
test.group('Vault errors over HTTP', () => {
  for (const [error, status, message] of [
    [new KeyDestroyedError(), 410, 'permanently erased'],
    [new DecryptionError(), 422, 'could not be decrypted'],
    [new KeyringError('No vault keyring'), 503, 'No vault keyring'],
  ] as const) {
    test(`${error.constructor.name} answers ${status}`, async ({ assert }) => {
      const ctx = await testUtils.createHttpContext()
      ctx.request.request.headers.accept = 'application/json'
      ctx.request.request.url = '/api/probe'
      await new HttpExceptionHandler().handle(error, ctx)
      assert.equal(ctx.response.getStatus(), status)
      if (status < 500) assert.include(JSON.stringify(ctx.response.getBody()), message)
    })
  }
})
