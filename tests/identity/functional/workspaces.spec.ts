import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Workspace from '#identity/models/workspace'
import Membership from '#identity/models/membership'
import { UserFactory, WorkspaceFactory } from '#database/factories/identity_factories'
import { workspaceWithEveryRole } from '#tests/helpers/identity'
import { assertAnswers404, assertRoleAccess } from '#tests/helpers/tenancy'

test.group('Workspaces', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('creating a workspace makes its creator the owner and opens it', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/workspaces')
      .loginAs(user)
      .form({ name: 'Zürich Support', timezone: 'Europe/Zurich' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/w/zurich-support')
    const workspace = await Workspace.findByOrFail('slug', 'zurich-support')
    const membership = await Membership.findByOrFail({ workspaceId: workspace.id, userId: user.id })
    assert.equal(membership.role, 'owner')
    assert.equal(workspace.timezone, 'Europe/Zurich')
  })

  test('a taken address is refused next to the field', async ({ client, assert }) => {
    await WorkspaceFactory.merge({ slug: 'acme-support' }).create()
    const user = await UserFactory.create()
    const response = await client
      .post('/workspaces')
      .loginAs(user)
      .header('referer', '/workspaces/new')
      .form({ name: 'Acme Support' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', { slug: ['The address "acme-support" is taken. Choose another.'] })
    assert.lengthOf(await Workspace.query().where('slug', 'acme-support'), 1)
  })

  test('an unknown time zone is refused', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client
      .post('/workspaces')
      .loginAs(user)
      .json({ name: 'Nowhere', timezone: 'Mars/Olympus' })
      .accept('json')
      .withCsrfToken()
    response.assertStatus(422)
  })

  test('the dashboard shows the workspace to members and answers 404 to everyone else', async ({ client }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const other = await workspaceWithEveryRole()

    const page = await client.get(`/w/${workspace.slug}`).loginAs(members.agent).withInertia()
    page.assertStatus(200)
    page.assertInertiaComponent('workspaces/dashboard')
    page.assertInertiaPropsContains({ stats: { members: 4, pendingInvitations: 0 } })

    await assertAnswers404(client, other.members.owner, [
      { method: 'get', url: `/w/${workspace.slug}` },
      { method: 'get', url: `/w/${workspace.slug}/members` },
      { method: 'get', url: `/w/${workspace.slug}/settings` },
      { method: 'put', url: `/w/${workspace.slug}/settings`, body: { name: 'Hijacked', timezone: 'UTC' } },
      { method: 'post', url: `/w/${workspace.slug}/invitations`, body: { email: 'x@example.test', role: 'agent' } },
      { method: 'get', url: '/w/no-such-workspace' },
    ])
  })

  test('only owners and admins change workspace settings', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    await assertRoleAccess(client, members, ['owner', 'admin'], (role) => ({
      method: 'put',
      url: `/w/${workspace.slug}/settings`,
      body: { name: `Renamed by ${role}`, timezone: 'UTC' },
    }))
    await assertRoleAccess(client, members, ['owner', 'admin'], () => ({ method: 'get', url: `/w/${workspace.slug}/settings` }))
    await workspace.refresh()
    assert.equal(workspace.name, 'Renamed by admin')
  })

  test('/app opens the last workspace used, or the create page when there is none', async ({ client }) => {
    const loner = await UserFactory.create()
    const none = await client.get('/app').loginAs(loner).redirects(0)
    none.assertHeader('location', '/workspaces/new')

    const { workspace, members } = await workspaceWithEveryRole()
    await client.get(`/w/${workspace.slug}`).loginAs(members.privacy)
    const again = await client.get('/app').loginAs(members.privacy).redirects(0)
    again.assertHeader('location', `/w/${workspace.slug}`)
  })
})

test.group('Error pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an unknown workspace renders the 404 page with status 404', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client.get('/w/no-such-place').loginAs(user).withInertia()
    response.assertStatus(404)
    response.assertInertiaComponent('errors/not_found')
    response.assertInertiaPropsContains({ message: 'Workspace not found' })
  })

  test('a refused request renders its own status, not 200', async ({ client }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const response = await client.get(`/w/${workspace.slug}/settings`).loginAs(members.agent).withInertia()
    response.assertStatus(403)
    response.assertInertiaComponent('errors/client_error')
    response.assertInertiaPropsContains({ status: 403 })
  })
})
