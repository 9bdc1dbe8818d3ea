import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#identity/models/user'
import { smtpSink, SmtpSink } from '#tests/helpers/smtp_sink'
import { UserFactory } from '#database/factories/identity_factories'

test.group('Signup and email verification', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => smtpSink.clear())

  test('signing up creates an unverified account and mails a confirmation link', async ({ client, assert }) => {
    const response = await client
      .post('/signup')
      .form({ fullName: 'Nora Newcomer', email: 'Nora@Example.test', password: 'long-enough-pass', passwordConfirmation: 'long-enough-pass' })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/verify-email')
    const user = await User.findByOrFail('email', 'nora@example.test')
    assert.isNull(user.emailVerifiedAt)
    assert.notEqual(user.password, 'long-enough-pass')
    const mail = await smtpSink.lastTo('nora@example.test', /Confirm your email/)
    assert.include(mail.text, '/verify-email/')
  })

  test('the confirmation link verifies once, then answers 410', async ({ client, assert }) => {
    await client
      .post('/signup')
      .form({ fullName: 'Ines', email: 'ines@example.test', password: 'long-enough-pass', passwordConfirmation: 'long-enough-pass' })
      .withCsrfToken()
    const link = SmtpSink.linkIn(await smtpSink.lastTo('ines@example.test'), '/verify-email/')
    const path = new URL(link).pathname + new URL(link).search

    const first = await client.get(path).redirects(0)
    first.assertStatus(302)
    const user = await User.findByOrFail('email', 'ines@example.test')
    assert.isNotNull(user.emailVerifiedAt)

    const second = await client.get(path).redirects(0)
    second.assertStatus(410)
  })

  test('a tampered confirmation link is refused with 410', async ({ client }) => {
    await client
      .post('/signup')
      .form({ fullName: 'Tom', email: 'tom@example.test', password: 'long-enough-pass', passwordConfirmation: 'long-enough-pass' })
      .withCsrfToken()
    const link = new URL(SmtpSink.linkIn(await smtpSink.lastTo('tom@example.test'), '/verify-email/'))
    const tampered = link.pathname.replace(/.$/, (char) => (char === 'a' ? 'b' : 'a')) + link.search
    const response = await client.get(tampered).redirects(0)
    response.assertStatus(410)
  })

  test('a duplicate email is refused next to the field', async ({ client, assert }) => {
    await UserFactory.merge({ email: 'taken@example.test' }).create()
    const response = await client
      .post('/signup')
      .header('referer', '/signup')
      .form({ fullName: 'Copy', email: 'TAKEN@example.test', password: 'long-enough-pass', passwordConfirmation: 'long-enough-pass' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', { email: ['An account with this email already exists. Sign in or reset your password.'] })
    assert.lengthOf(await User.query().where('email', 'taken@example.test'), 1)
  })

  test('weak passwords and mismatched confirmation are refused', async ({ client }) => {
    const response = await client
      .post('/signup')
      .header('referer', '/signup')
      .form({ fullName: 'Weak', email: 'weak@example.test', password: 'short', passwordConfirmation: 'other' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      password: ['The password field must have at least 10 characters'],
    })
  })
})
