import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import hash from '@adonisjs/core/services/hash'
import User from '#identity/models/user'
import { UserFactory } from '#database/factories/identity_factories'
import { smtpSink, SmtpSink } from '#tests/helpers/smtp_sink'

async function resetLinkFor(client: any, email: string) {
  await client.post('/forgot-password').form({ email }).withCsrfToken()
  const mail = await smtpSink.lastTo(email, /Reset your Vaultdesk password/)
  const link = new URL(SmtpSink.linkIn(mail, '/reset-password/'))
  return { path: link.pathname + link.search, token: link.pathname.split('/').pop()! }
}

test.group('Password reset', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => smtpSink.clear())

  test('a reset link sets a new password once; the link then answers 410', async ({ client, assert }) => {
    await UserFactory.merge({ email: 'forgetful@example.test' }).create()
    const { path, token } = await resetLinkFor(client, 'forgetful@example.test')

    const page = await client.get(path).withInertia()
    page.assertStatus(200)
    page.assertInertiaComponent('auth/reset_password')

    const reset = await client
      .post('/reset-password')
      .form({ token, password: 'brand-new-password', passwordConfirmation: 'brand-new-password' })
      .withCsrfToken()
      .redirects(0)
    reset.assertStatus(302)
    reset.assertHeader('location', '/login')
    const user = await User.findByOrFail('email', 'forgetful@example.test')
    assert.isTrue(await hash.verify(user.password, 'brand-new-password'))

    const again = await client
      .post('/reset-password')
      .form({ token, password: 'another-password-1', passwordConfirmation: 'another-password-1' })
      .withCsrfToken()
      .redirects(0)
    again.assertStatus(410)
    assert.isTrue(await hash.verify((await user.refresh()).password, 'brand-new-password'))
  })

  test('an unknown address gets the same answer and no mail', async ({ client, assert }) => {
    const response = await client.post('/forgot-password').header('referer', '/forgot-password').form({ email: 'nobody@example.test' }).withCsrfToken().redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('success', 'If an account exists for that address, we sent a link to reset its password.')
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.lengthOf(smtpSink.messages, 0)
  })

  test('an expired link is refused', async ({ client }) => {
    const user = await UserFactory.merge({ email: 'late@example.test' }).create()
    const { token } = await resetLinkFor(client, 'late@example.test')
    await (await import('#identity/models/user_token')).default
      .query()
      .where('user_id', user.id)
      .update({ expires_at: new Date(Date.now() - 1000) })
    const response = await client
      .post('/reset-password')
      .form({ token, password: 'brand-new-password', passwordConfirmation: 'brand-new-password' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(410)
  })

  test('a tampered reset link is refused with 410', async ({ client }) => {
    await UserFactory.merge({ email: 'tamper@example.test' }).create()
    const { path } = await resetLinkFor(client, 'tamper@example.test')
    const response = await client.get(path.replace('signature=', 'signature=x'))
    response.assertStatus(410)
  })
})
