import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Membership from '#identity/models/membership'
import { workspaceWithEveryRole, memberOf } from '#tests/helpers/identity'
import { assertAnswers404, assertRoleAccess } from '#tests/helpers/tenancy'

test.group('Members and roles', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('every member sees the member list, paginated', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    for (let index = 0; index < 21; index++) await memberOf(workspace, 'agent')
    const first = await client.get(`/w/${workspace.slug}/members`).loginAs(members.privacy).withInertia()
    first.assertInertiaComponent('members/index')
    assert.lengthOf(first.inertiaProps.members, 20)
    assert.deepEqual(first.inertiaProps.pagination, { page: 1, lastPage: 2, perPage: 20, total: 25 })
    assert.isFalse(first.inertiaProps.canManage)
    assert.notProperty(first.inertiaProps.members[0], 'password')

    const second = await client.get(`/w/${workspace.slug}/members?page=2`).loginAs(members.privacy).withInertia()
    assert.lengthOf(second.inertiaProps.members, 5)
  })

  test('owners change any role; admins change non-owners and never grant owner', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    await assertRoleAccess(client, members, ['owner', 'admin'], async () => {
      const { membership } = await memberOf(workspace, 'agent')
      return { method: 'patch', url: `/w/${workspace.slug}/members/${membership.id}`, body: { role: 'privacy' } }
    })

    const ownerMembership = await Membership.findByOrFail({ workspaceId: workspace.id, userId: members.owner.id })
    const demoteOwner = await client
      .patch(`/w/${workspace.slug}/members/${ownerMembership.id}`)
      .loginAs(members.admin)
      .json({ role: 'agent' })
      .accept('json')
      .withCsrfToken()
    demoteOwner.assertStatus(403)

    const { membership: agent } = await memberOf(workspace, 'agent')
    const grantOwner = await client
      .patch(`/w/${workspace.slug}/members/${agent.id}`)
      .loginAs(members.admin)
      .json({ role: 'owner' })
      .accept('json')
      .withCsrfToken()
    grantOwner.assertStatus(403)
    assert.equal((await agent.refresh()).role, 'agent')
  })

  test('the last owner can be neither demoted nor removed, even by themselves', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const owner = await Membership.findByOrFail({ workspaceId: workspace.id, userId: members.owner.id })

    const demote = await client
      .patch(`/w/${workspace.slug}/members/${owner.id}`)
      .loginAs(members.owner)
      .header('referer', `/w/${workspace.slug}/members`)
      .form({ role: 'admin' })
      .withCsrfToken()
      .redirects(0)
    demote.assertStatus(302)
    demote.assertFlashMessage('error', 'This is the last owner. Make someone else an owner first.')

    const leave = await client
      .delete(`/w/${workspace.slug}/members/${owner.id}`)
      .loginAs(members.owner)
      .json({})
      .accept('json')
      .withCsrfToken()
    leave.assertStatus(422)
    leave.assertBodyContains({ message: 'The last owner cannot be removed. Make someone else an owner first.' })
    assert.equal((await owner.refresh()).role, 'owner')
  })

  test('with a second owner, an owner may step down', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    await memberOf(workspace, 'owner')
    const owner = await Membership.findByOrFail({ workspaceId: workspace.id, userId: members.owner.id })
    const response = await client
      .patch(`/w/${workspace.slug}/members/${owner.id}`)
      .loginAs(members.owner)
      .json({ role: 'admin' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    assert.equal((await owner.refresh()).role, 'admin')
  })

  test('members may leave; only owners and admins remove others', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const agent = await Membership.findByOrFail({ workspaceId: workspace.id, userId: members.agent.id })
    const leave = await client
      .delete(`/w/${workspace.slug}/members/${agent.id}`)
      .loginAs(members.agent)
      .withCsrfToken()
      .redirects(0)
    leave.assertStatus(302)
    leave.assertHeader('location', '/app')
    assert.isNull(await Membership.find(agent.id))

    await assertRoleAccess(client, { ...members, agent: (await memberOf(workspace, 'agent')).user }, ['owner', 'admin'], async () => {
      const { membership } = await memberOf(workspace, 'agent')
      return { method: 'delete', url: `/w/${workspace.slug}/members/${membership.id}` }
    })
  })

  test("another workspace's member ids answer 404 for every role", async ({ client }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const other = await workspaceWithEveryRole()
    const foreign = await Membership.findByOrFail({ workspaceId: other.workspace.id, userId: other.members.agent.id })
    for (const user of Object.values(members)) {
      await assertAnswers404(client, user, [
        { method: 'patch', url: `/w/${workspace.slug}/members/${foreign.id}`, body: { role: 'admin' } },
        { method: 'delete', url: `/w/${workspace.slug}/members/${foreign.id}` },
        { method: 'delete', url: `/w/${workspace.slug}/members/not-a-uuid` },
      ])
    }
  })
})
