import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import SupportGrant from '#governance/models/support_grant'
import AuditEntry from '#governance/models/audit_entry'
import { workspaceWithEveryRole } from '#tests/helpers/identity'
import { assertAnswers404, assertRoleAccess } from '#tests/helpers/tenancy'
import { asMember, contactWritesIn, governanceGroup, operatorUser } from '#tests/governance/fixtures'

test.group('Support access', (group) => {
  governanceGroup(group)

  test('owners grant 1 to 72 hours; longer or shorter is refused', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const base = `/w/${workspace.slug}`
    for (const hours of [0, 73, 500]) {
      const refused = await asMember(client, members.owner, 'post', `${base}/governance/support-access`, { hours })
      refused.assertStatus(422)
    }
    const granted = await asMember(client, members.owner, 'post', `${base}/governance/support-access`, { hours: 72 })
    granted.assertStatus(200)
    const grant = await SupportGrant.findOrFail(granted.body().id)
    assert.equal(Math.round(grant.expiresAt.diff(grant.startsAt, 'hours').hours), 72)
    await assertRoleAccess(client, members, ['owner'], () => ({ method: 'get', url: `${base}/governance/support-access` }))
    await assertRoleAccess(client, members, ['owner'], () => ({ method: 'post', url: `${base}/governance/support-access`, body: { hours: 2 } }))
    const other = await workspaceWithEveryRole()
    await assertAnswers404(client, other.members.owner, [
      { method: 'get', url: `${base}/governance/support-access` },
      { method: 'delete', url: `${base}/governance/support-access/${grant.id}` },
    ])
  })

  test('operators see nothing without an active grant; with one, a read-only view whose every visit the owner sees; revoking ends it', async ({ client, assert }) => {
    const operator = await operatorUser()
    const { workspace, members } = await workspaceWithEveryRole()
    await contactWritesIn(workspace.id, { subject: 'Printer on fire' })
    const view = `/operator/workspaces/${workspace.id}`
    await assertAnswers404(client, operator, [{ method: 'get', url: view }, { method: 'get', url: `/w/${workspace.slug}/inbox` }])
    await assertAnswers404(client, members.owner, [{ method: 'get', url: view }])

    const granted = await asMember(client, members.owner, 'post', `/w/${workspace.slug}/governance/support-access`, { hours: 1 })
    const page = await client.get(view).loginAs(operator).withInertia()
    page.assertStatus(200)
    page.assertInertiaComponent('operator/workspace')
    assert.equal(page.inertiaProps.tickets[0].subject, 'Printer on fire')
    const logged = await AuditEntry.query().where('workspace_id', workspace.id).where('actor_type', 'operator').where('actor_id', operator.id)
    assert.deepEqual(logged.map((entry) => entry.action), ['operator.workspace_viewed'])
    const ownerPage = await client.get(`/w/${workspace.slug}/governance/support-access`).loginAs(members.owner).withInertia()
    assert.equal(ownerPage.inertiaProps.operatorActions[0].action, 'operator.workspace_viewed')
    const sessions = await client.get('/operator/support').loginAs(operator).withInertia()
    assert.equal(sessions.inertiaProps.grants[0].workspaceId, workspace.id)

    ;(await asMember(client, members.owner, 'delete', `/w/${workspace.slug}/governance/support-access/${granted.body().id}`)).assertStatus(200)
    await assertAnswers404(client, operator, [{ method: 'get', url: view }])
    ;(await asMember(client, members.owner, 'delete', `/w/${workspace.slug}/governance/support-access/${granted.body().id}`)).assertStatus(410)

    // An expired grant lets nobody in either
    const again = await asMember(client, members.owner, 'post', `/w/${workspace.slug}/governance/support-access`, { hours: 1 })
    await SupportGrant.query().where('id', again.body().id).update({ expires_at: DateTime.now().minus({ minutes: 1 }).toJSDate() })
    await assertAnswers404(client, operator, [{ method: 'get', url: view }])
  })
})
