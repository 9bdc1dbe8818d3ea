import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { WorkspaceFactory, UserFactory } from '#database/factories/identity_factories'
import { memberOf } from '#tests/helpers/identity'
import { keyStore } from '#vault/index'
import { createProbeTables, ProbeIntegration } from '#tests/vault/fixtures'

test.group('Keys & encryption page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => createProbeTables())
  group.each.setup(() => keyStore.clear())

  test('owners see that the workspace has its own keys, as a DTO without key material', async ({ client, assert }) => {
    const workspace = await WorkspaceFactory.create()
    const { user: owner } = await memberOf(workspace, 'owner')
    const response = await client.get(`/w/${workspace.slug}/security/keys`).loginAs(owner).withInertia()
    response.assertStatus(200)
    response.assertInertiaComponent('vault/security')
    const { keys } = response.inertiaProps as any
    assert.equal(keys.activeVersion, 1)
    assert.deepEqual(keys.dataKeys.map((key: any) => [key.version, key.status]), [[1, 'active']])
    assert.isString(keys.blindIndexKeyCreatedAt)
    assert.equal(keys.kekVersion, 1)
    assert.isNull(keys.lastRotatedAt)
    const wrapped = await db.from('vault_keys').where('workspace_id', workspace.id).select('wrapped_key')
    const page = JSON.stringify(response.inertiaProps)
    for (const row of wrapped) assert.notInclude(page, row.wrapped_key.slice(0, 24))
    assert.notInclude(page, 'wrapped')
  })

  test('admins and other roles are refused; non-members get a 404', async ({ client }) => {
    const workspace = await WorkspaceFactory.create()
    for (const role of ['admin', 'agent', 'privacy'] as const) {
      const { user } = await memberOf(workspace, role)
      const page = await client.get(`/w/${workspace.slug}/security/keys`).loginAs(user)
      page.assertStatus(403)
      const rotate = await client.post(`/w/${workspace.slug}/security/keys/rotate`).loginAs(user).withCsrfToken()
      rotate.assertStatus(403)
    }
    const outsider = await UserFactory.create()
    const response = await client.get(`/w/${workspace.slug}/security/keys`).loginAs(outsider)
    response.assertStatus(404)
  })

  test('the owner’s Rotate button creates a new version and re-encrypts the data (job inline in tests)', async ({ client, assert }) => {
    const workspace = await WorkspaceFactory.create()
    const { user: owner } = await memberOf(workspace, 'owner')
    await ProbeIntegration.create({ workspaceId: workspace.id, apiToken: 'tok', settings: { a: 1 } })

    const rotate = await client
      .post(`/w/${workspace.slug}/security/keys/rotate`)
      .loginAs(owner)
      .header('referer', `/w/${workspace.slug}/security/keys`)
      .withCsrfToken()
      .redirects(0)
    rotate.assertStatus(302)
    rotate.assertFlashMessage('success', 'Rotation started: new data is encrypted with key version 2; existing data is being re-encrypted.')

    const response = await client.get(`/w/${workspace.slug}/security/keys`).loginAs(owner).withInertia()
    const { keys } = response.inertiaProps as any
    assert.equal(keys.activeVersion, 2)
    assert.deepEqual(keys.dataKeys.map((key: any) => [key.version, key.status]), [[2, 'active'], [1, 'retired']])
    assert.include(keys.rotation, { status: 'completed', fromVersion: 1, toVersion: 2, processed: 2, total: 2, percent: 100, stalled: false })
    assert.isString(keys.lastRotatedAt)
    const stored = await db.from('vault_probe_integrations').where('workspace_id', workspace.id).firstOrFail()
    assert.match(stored.api_token, /^vd1:w2:/)

    const logged = await db.from('audit_entries').where('workspace_id', workspace.id).where('action', 'vault.rotation_started').firstOrFail()
    assert.equal(logged.actor_id, owner.id)
    assert.deepEqual(logged.metadata, { from_version: 1, to_version: 2 })
  })
})
