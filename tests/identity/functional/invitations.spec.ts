import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Membership from '#identity/models/membership'
import Invitation from '#identity/models/invitation'
import User from '#identity/models/user'
import { UserFactory, InvitationFactory } from '#database/factories/identity_factories'
import { workspaceWithEveryRole, DEFAULT_TEST_PASSWORD } from '#tests/helpers/identity'
import { assertAnswers404, assertRoleAccess } from '#tests/helpers/tenancy'
import { smtpSink, SmtpSink } from '#tests/helpers/smtp_sink'

async function invite(client: any, slug: string, inviter: User, email: string, role = 'agent') {
  const response = await client
    .post(`/w/${slug}/invitations`)
    .loginAs(inviter)
    .form({ email, role })
    .withCsrfToken()
    .redirects(0)
  const mail = await smtpSink.lastTo(email, /invited you/)
  const token = new URL(SmtpSink.linkIn(mail, '/invitations/')).pathname.split('/').pop()!
  return { response, mail, token }
}

test.group('Invitations', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => smtpSink.clear())

  test('an invitation mail leads a new person through signup into the workspace', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const { response, mail, token } = await invite(client, workspace.slug, members.admin, 'New.Colleague@Example.test')
    response.assertStatus(302)
    assert.include(mail.subject, workspace.name)

    const landing = await client.get(`/invitations/${token}`).withInertia()
    landing.assertInertiaComponent('invitations/show')
    landing.assertInertiaPropsContains({ email: 'new.colleague@example.test', hasAccount: false })

    const signup = await client
      .post('/signup')
      .form({
        fullName: 'New Colleague',
        email: 'new.colleague@example.test',
        password: 'long-enough-pass',
        passwordConfirmation: 'long-enough-pass',
        invitationToken: token,
      })
      .withCsrfToken()
      .redirects(0)
    signup.assertHeader('location', `/w/${workspace.slug}`)
    const user = await User.findByOrFail('email', 'new.colleague@example.test')
    assert.isNotNull(user.emailVerifiedAt, 'the invitation mail proves the address')
    const membership = await Membership.findByOrFail({ workspaceId: workspace.id, userId: user.id })
    assert.equal(membership.role, 'agent')

    const reused = await client.get(`/invitations/${token}`)
    reused.assertStatus(410)
  })

  test('an existing user accepts while signed in with the invited address only', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const invitee = await UserFactory.merge({ email: 'invitee@example.test' }).create()
    const stranger = await UserFactory.create()
    const { token } = await invite(client, workspace.slug, members.owner, 'invitee@example.test', 'privacy')

    const wrongUser = await client.post(`/invitations/${token}/accept`).loginAs(stranger).withCsrfToken().redirects(0)
    wrongUser.assertStatus(403)
    assert.isNull(await Membership.findBy({ workspaceId: workspace.id, userId: stranger.id }))

    const accepted = await client.post(`/invitations/${token}/accept`).loginAs(invitee).withCsrfToken().redirects(0)
    accepted.assertHeader('location', `/w/${workspace.slug}`)
    assert.equal((await Membership.findByOrFail({ workspaceId: workspace.id, userId: invitee.id })).role, 'privacy')
  })

  test('re-inviting replaces the old link; revoked and expired links answer 410', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const first = await invite(client, workspace.slug, members.owner, 'twice@example.test')
    smtpSink.clear()
    const second = await invite(client, workspace.slug, members.owner, 'twice@example.test')
    ;(await client.get(`/invitations/${first.token}`)).assertStatus(410)
    ;(await client.get(`/invitations/${second.token}`)).assertStatus(200)

    const pending = await Invitation.query().where('email', 'twice@example.test').whereNull('revoked_at').firstOrFail()
    const revoke = await client
      .delete(`/w/${workspace.slug}/invitations/${pending.id}`)
      .loginAs(members.admin)
      .withCsrfToken()
      .redirects(0)
    revoke.assertStatus(302)
    ;(await client.get(`/invitations/${second.token}`)).assertStatus(410)

    const expired = await InvitationFactory.merge({ workspaceId: workspace.id, expiresAt: (await import('luxon')).DateTime.now().minus({ days: 1 }) }).create()
    assert.isFalse(expired.isPending)
    ;(await client.get('/invitations/some-token-that-does-not-exist-at-all')).assertStatus(410)
  })

  test('inviting someone who is already a member is refused', async ({ client }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const response = await client
      .post(`/w/${workspace.slug}/invitations`)
      .loginAs(members.owner)
      .json({ email: members.agent.email, role: 'admin' })
      .accept('json')
      .withCsrfToken()
    response.assertStatus(422)
    response.assertBodyContains({ message: `${members.agent.email} is already a member of this workspace.` })
  })

  test('owners invite any role, admins any but owner, agents and privacy staff none', async ({ client }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    let counter = 0
    await assertRoleAccess(client, members, ['owner', 'admin'], () => ({
      method: 'post',
      url: `/w/${workspace.slug}/invitations`,
      body: { email: `person${counter++}@example.test`, role: 'agent' },
    }))
    await assertRoleAccess(client, members, ['owner'], () => ({
      method: 'post',
      url: `/w/${workspace.slug}/invitations`,
      body: { email: `owner${counter++}@example.test`, role: 'owner' },
    }))
  })

  test("another workspace's invitation ids answer 404", async ({ client }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const other = await workspaceWithEveryRole()
    const foreign = await InvitationFactory.merge({ workspaceId: other.workspace.id }).create()
    await assertAnswers404(client, members.owner, [
      { method: 'delete', url: `/w/${workspace.slug}/invitations/${foreign.id}` },
    ])
  })

  test('the invitation landing page offers sign-in to people who already have an account', async ({ client }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    await UserFactory.merge({ email: 'known@example.test', password: DEFAULT_TEST_PASSWORD }).create()
    const { token } = await invite(client, workspace.slug, members.owner, 'known@example.test')
    const landing = await client.get(`/invitations/${token}`).withInertia()
    landing.assertInertiaPropsContains({ hasAccount: true, signedInAs: null })
  })
})
