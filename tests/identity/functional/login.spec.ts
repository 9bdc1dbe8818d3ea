import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/identity_factories'
import { DEFAULT_TEST_PASSWORD } from '#tests/helpers/identity'

test.group('Login and logout', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('correct credentials sign in and lead to the portal', async ({ client }) => {
    await UserFactory.merge({ email: 'agent@example.test' }).create()
    const response = await client
      .post('/login')
      .form({ email: 'Agent@Example.test', password: DEFAULT_TEST_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/app')
  })

  test('a wrong password is refused with a message next to the email field', async ({ client }) => {
    await UserFactory.merge({ email: 'wrong@example.test' }).create()
    const response = await client
      .post('/login')
      .header('referer', '/login')
      .form({ email: 'wrong@example.test', password: 'not-the-password' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', { email: ['The email or password is incorrect.'] })
  })

  test('five wrong passwords block further attempts, even with the right one', async ({ client }) => {
    await UserFactory.merge({ email: 'victim@example.test' }).create()
    for (let attempt = 0; attempt < 5; attempt++) {
      await client.post('/login').form({ email: 'victim@example.test', password: `guess-${attempt}` }).withCsrfToken().redirects(0)
    }
    const response = await client
      .post('/login')
      .header('referer', '/login')
      .form({ email: 'victim@example.test', password: DEFAULT_TEST_PASSWORD })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', { email: ['Too many attempts. Try again in 15 minutes.'] })
  })

  test('a JSON client that is throttled gets 429 with a message', async ({ client, assert }) => {
    await UserFactory.merge({ email: 'json@example.test' }).create()
    for (let attempt = 0; attempt < 5; attempt++) {
      await client.post('/login').json({ email: 'json@example.test', password: `guess-${attempt}` }).withCsrfToken()
    }
    const response = await client
      .post('/login')
      .json({ email: 'json@example.test', password: 'guess' })
      .accept('json')
      .withCsrfToken()
    response.assertStatus(429)
    assert.match(response.body().message, /Too many attempts/)
  })

  test('signed-in users are sent away from the login page, signed-out users from the portal', async ({ client }) => {
    const user = await UserFactory.create()
    const signedIn = await client.get('/login').loginAs(user).redirects(0)
    signedIn.assertStatus(302)
    signedIn.assertHeader('location', '/app')

    const signedOut = await client.get('/app').redirects(0)
    signedOut.assertStatus(302)
    signedOut.assertHeader('location', '/login')
  })

  test('logout ends the session', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client.post('/logout').loginAs(user).withCsrfToken().redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })

  test('a post without the CSRF token is refused and does not sign in', async ({ client }) => {
    await UserFactory.merge({ email: 'csrf@example.test' }).create()
    const page = await client
      .post('/login')
      .header('referer', '/login')
      .form({ email: 'csrf@example.test', password: DEFAULT_TEST_PASSWORD })
      .redirects(0)
    page.assertStatus(302)
    page.assertHeader('location', '/login')
    page.assertFlashMessage('error', 'Your session expired or the form was stale. Reload the page and try again.')

    const api = await client.post('/login').json({ email: 'csrf@example.test', password: DEFAULT_TEST_PASSWORD }).accept('json')
    api.assertStatus(403)
  })

  test('an oversized body is refused with 413, not a 500', async ({ client }) => {
    const response = await client
      .post('/login')
      .json({ email: 'big@example.test', password: 'x'.repeat(2 * 1024 * 1024) })
      .accept('json')
      .withCsrfToken()
    response.assertStatus(413)
  })

  test('an unverified user is asked to confirm their email before entering the portal', async ({ client }) => {
    const user = await UserFactory.apply('unverified').create()
    const response = await client.get('/app').loginAs(user).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/verify-email')
  })
})
