import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { generate } from 'otplib'
import User from '#identity/models/user'
import { UserFactory } from '#database/factories/identity_factories'
import { DEFAULT_TEST_PASSWORD } from '#tests/helpers/identity'

/** Turns on 2FA through the security page as a user would; returns the secret and recovery codes. */
async function enableTwoFactor(client: any, user: User) {
  const setup = await beginSetup(client, user)
  const secret: string = setup.session().two_factor_setup_secret
  const confirm = await client
    .post('/account/security/two-factor/confirm')
    .loginAs(user)
    .withSession(setup.session())
    .form({ code: await generate({ secret }) })
    .withCsrfToken()
    .redirects(0)
  const codes: string[] = confirm.flashMessages().new_recovery_codes
  return { secret, codes, confirm }
}

function beginSetup(client: any, user: User) {
  return client.post('/account/security/two-factor').loginAs(user).withCsrfToken().redirects(0)
}

test.group('Two-factor authentication', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('setup shows a QR code, needs a valid code, and returns recovery codes once', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const setup = await beginSetup(client, user)
    const page = await client.get('/account/security').loginAs(user).withSession(setup.session()).withInertia()
    assert.match(page.inertiaProps.setup.qrCode, /^data:image\/png;base64,/)
    assert.equal(page.inertiaProps.setup.secret, setup.session().two_factor_setup_secret)

    const wrong = await client
      .post('/account/security/two-factor/confirm')
      .loginAs(user)
      .withSession(setup.session())
      .header('referer', '/account/security')
      .form({ code: '000000' })
      .withCsrfToken()
      .redirects(0)
    wrong.assertFlashMessage('inputErrorsBag', {
      code: ['That code does not match. Check the time on your phone and try the newest code.'],
    })
    assert.isFalse((await user.refresh()).hasTwoFactor)

    const { codes } = await enableTwoFactor(client, user)
    await user.refresh()
    assert.isTrue(user.hasTwoFactor)
    assert.lengthOf(codes, 10)
    assert.notInclude(user.totpSecret!, setup.session().two_factor_setup_secret, 'the secret is stored sealed')
  })

  test('sign-in then asks for a code; a valid code completes it', async ({ client }) => {
    const user = await UserFactory.merge({ email: 'tfa@example.test' }).create()
    const { secret } = await enableTwoFactor(client, user)

    const first = await client.post('/login').form({ email: 'tfa@example.test', password: DEFAULT_TEST_PASSWORD }).withCsrfToken().redirects(0)
    first.assertHeader('location', '/login/two-factor')
    const pending = first.session()

    const app = await client.get('/app').withSession(pending).redirects(0)
    app.assertHeader('location', '/login')

    const second = await client
      .post('/login/two-factor')
      .withSession(pending)
      .form({ code: await generate({ secret }) })
      .withCsrfToken()
      .redirects(0)
    second.assertHeader('location', '/app')

    // The same code cannot be replayed for another sign-in, even inside its 30 s window
    const again = await client.post('/login').form({ email: 'tfa@example.test', password: DEFAULT_TEST_PASSWORD }).withCsrfToken().redirects(0)
    const replay = await client
      .post('/login/two-factor')
      .withSession(again.session())
      .header('referer', '/login/two-factor')
      .form({ code: await generate({ secret }) })
      .withCsrfToken()
      .redirects(0)
    replay.assertFlashMessage('inputErrorsBag', { code: ['That code is not valid. Try the current code from your app.'] })
  })

  test('a recovery code works once; wrong codes are throttled', async ({ client, assert }) => {
    const user = await UserFactory.merge({ email: 'recover@example.test' }).create()
    const { codes } = await enableTwoFactor(client, user)

    const signIn = async () => {
      const response = await client.post('/login').form({ email: 'recover@example.test', password: DEFAULT_TEST_PASSWORD }).withCsrfToken().redirects(0)
      return response.session()
    }
    const submit = (session: any, body: Record<string, string>) =>
      client
        .post('/login/two-factor')
        .withSession(session)
        .header('referer', '/login/two-factor')
        .form(body)
        .withCsrfToken()
        .redirects(0)

    const ok = await submit(await signIn(), { recoveryCode: codes[0] })
    ok.assertHeader('location', '/app')

    const reused = await submit(await signIn(), { recoveryCode: codes[0] })
    reused.assertFlashMessage('inputErrorsBag', { code: ['That code is not valid. Try the current code from your app.'] })

    const session = await signIn()
    for (let attempt = 0; attempt < 4; attempt++) await submit(session, { code: '123456' })
    const throttled = await submit(session, { recoveryCode: codes[1] })
    const errors: any = throttled.flashMessages().inputErrorsBag
    assert.match(errors.code[0], /Too many attempts/)
  })

  test('turning 2FA off needs the password', async ({ client, assert }) => {
    const user = await UserFactory.create()
    await enableTwoFactor(client, user)
    const wrong = await client
      .delete('/account/security/two-factor')
      .loginAs(user)
      .header('referer', '/account/security')
      .form({ currentPassword: 'nope-nope-nope' })
      .withCsrfToken()
      .redirects(0)
    wrong.assertFlashMessage('inputErrorsBag', { currentPassword: ['The password is incorrect.'] })
    assert.isTrue((await user.refresh()).hasTwoFactor)

    await client.delete('/account/security/two-factor').loginAs(user).form({ currentPassword: DEFAULT_TEST_PASSWORD }).withCsrfToken()
    await user.refresh()
    assert.isFalse(user.hasTwoFactor)
    assert.isNull(user.totpSecret)
  })
})
