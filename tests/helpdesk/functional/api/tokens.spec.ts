import { test } from '@japa/runner'
import { createHash } from 'node:crypto'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/identity_factories'
import { workspaceWithEveryRole } from '#tests/helpers/identity'
import { assertAnswers404, assertRoleAccess } from '#tests/helpers/tenancy'
import { call, tokenFor } from '#tests/helpdesk/functional/api/api_fixtures'

test.group('API tokens: the admin page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the secret is shown once, in the creation answer; stored hashed; listed by its last four characters', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const created = await client
      .post(`/w/${workspace.slug}/api-tokens`)
      .loginAs(members.admin)
      .withCsrfToken()
      .withInertia()
      .json({ name: 'Shop backend', scopes: ['tickets:read', 'tickets:write'], expiresInDays: 30 })
    created.assertStatus(200)
    created.assertInertiaComponent('helpdesk/api/tokens')
    created.assertHeader('cache-control', 'no-store')
    const { createdToken, tokens } = created.inertiaProps as any
    const secret: string = createdToken.secret
    assert.match(secret, /^vd_live_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    assert.equal(createdToken.name, 'Shop backend')

    const [row] = await db.from('api_access_tokens').where('workspace_id', workspace.id)
    const secretPart = Buffer.from(secret.split('.')[1], 'base64url').toString()
    assert.equal(row.hash, createHash('sha256').update(secretPart).digest('hex'), 'only the SHA-256 of the secret is stored')
    const client_ = await db.from('api_clients').where('workspace_id', workspace.id).firstOrFail()
    assert.match(client_.name, /^vd1:/, 'the token name (free text) is encrypted')
    const everything = JSON.stringify([row, client_])
    assert.notInclude(everything, secretPart)
    assert.notInclude(everything, secret)

    assert.lengthOf(tokens, 1)
    assert.include(tokens[0], { name: 'Shop backend', lastFour: `…${secret.slice(-4)}`, status: 'active', lastUsedAt: null, createdBy: members.admin.fullName })
    assert.deepEqual(tokens[0].scopes, ['tickets:read', 'tickets:write'])
    const expiresInDays = (new Date(tokens[0].expiresAt).getTime() - Date.now()) / 86_400_000
    assert.closeTo(expiresInDays, 30, 0.01)

    const later = await client.get(`/w/${workspace.slug}/api-tokens`).loginAs(members.admin).withInertia()
    assert.isNull((later.inertiaProps as any).createdToken)
    assert.notInclude(JSON.stringify(later.inertiaProps), secretPart, 'never shown again')

    const used = await call(client, 'get', '/api/v1/tickets', secret)
    used.assertStatus(200)
    const afterUse = await client.get(`/w/${workspace.slug}/api-tokens`).loginAs(members.admin).withInertia()
    assert.isString((afterUse.inertiaProps as any).tokens[0].lastUsedAt)
  })

  test('a token needs a name, at least one known scope and an offered lifetime', async ({ client }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const refused = async (body: object, field: string) => {
      const response = await client
        .post(`/w/${workspace.slug}/api-tokens`)
        .loginAs(members.owner)
        .withCsrfToken()
        .header('referer', `/w/${workspace.slug}/api-tokens`)
        .json(body)
        .redirects(0)
      response.assertStatus(302)
      response.assertFlashMessage('inputErrorsBag', { [field]: (response.flashMessages() as any).inputErrorsBag[field] })
    }
    await refused({ name: '', scopes: ['tickets:read'], expiresInDays: 30 }, 'name')
    await refused({ name: 'x', scopes: [], expiresInDays: 30 }, 'scopes')
    await refused({ name: 'x', scopes: ['admin:everything'], expiresInDays: 30 }, 'scopes.0')
    await refused({ name: 'x', scopes: ['tickets:read'], expiresInDays: 10_000 }, 'expiresInDays')
  })

  test('owners and admins manage tokens; agents and privacy staff are refused; non-members get 404', async ({ client }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    await assertRoleAccess(client, members, ['owner', 'admin'], () => ({ method: 'get', url: `/w/${workspace.slug}/api-tokens` }))
    await assertRoleAccess(client, members, ['owner', 'admin'], (role) => ({
      method: 'post',
      url: `/w/${workspace.slug}/api-tokens`,
      body: { name: `by ${role}`, scopes: ['contacts:read'], expiresInDays: 7 },
    }))
    await assertRoleAccess(client, members, ['owner', 'admin'], async () => {
      const { apiClient } = await tokenFor(workspace, members.owner)
      return { method: 'delete', url: `/w/${workspace.slug}/api-tokens/${apiClient.id}` }
    })
    const outsider = await UserFactory.create()
    await assertAnswers404(client, outsider, [
      { method: 'get', url: `/w/${workspace.slug}/api-tokens` },
      { method: 'post', url: `/w/${workspace.slug}/api-tokens`, body: { name: 'x', scopes: ['contacts:read'], expiresInDays: 7 } },
    ])
  })

  test("another workspace's token ids answer 404 and stay valid", async ({ client }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const other = await workspaceWithEveryRole()
    const { apiClient, secret } = await tokenFor(other.workspace, other.members.owner)
    await assertAnswers404(client, members.owner, [
      { method: 'delete', url: `/w/${workspace.slug}/api-tokens/${apiClient.id}` },
      { method: 'delete', url: `/w/${workspace.slug}/api-tokens/not-a-uuid` },
    ])
    const stillWorks = await call(client, 'get', '/api/v1/contacts', secret)
    stillWorks.assertStatus(200)
  })
})

test.group('API tokens: the door of the API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('missing, malformed and unknown tokens get 401 with a message to act on', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const { secret } = await tokenFor(workspace, members.owner)
    const cases: [string | null, string, RegExp][] = [
      [null, 'E_MISSING_TOKEN', /Authorization: Bearer/],
      ['not-a-token', 'E_INVALID_TOKEN', /start with "vd_live_"/],
      ['vd_live_bm90LWEtdXVpZA.c2VjcmV0', 'E_INVALID_TOKEN', /start with "vd_live_"/],
      [`${secret.split('.')[0]}.${Buffer.from('a-guessed-secret').toString('base64url')}`, 'E_INVALID_TOKEN', /not valid/],
      [`vd_live_${Buffer.from('00000000-0000-4000-8000-000000000000').toString('base64url')}.c2VjcmV0`, 'E_INVALID_TOKEN', /not valid/],
    ]
    for (const [token, code, message] of cases) {
      const response = await call(client, 'get', '/api/v1/contacts', token)
      response.assertStatus(401)
      assert.equal(response.body().code, code, String(token))
      assert.match(response.body().message, message)
    }
    const basic = await client.get('/api/v1/contacts').header('authorization', `Basic ${secret}`).accept('json')
    basic.assertStatus(401)
  })

  test('an expired token gets 401 saying so', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const { apiClient, secret } = await tokenFor(workspace, members.owner)
    await db.from('api_access_tokens').where('tokenable_id', apiClient.id).update({ expires_at: new Date(Date.now() - 1000) })
    const response = await call(client, 'get', '/api/v1/contacts', secret)
    response.assertStatus(401)
    assert.equal(response.body().code, 'E_EXPIRED_TOKEN')
    assert.match(response.body().message, /expired on/)
  })

  test('a revoked token is refused at once; the list keeps it as revoked', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const { apiClient, secret } = await tokenFor(workspace, members.owner)
    ;(await call(client, 'get', '/api/v1/contacts', secret)).assertStatus(200)

    const revoke = await client
      .delete(`/w/${workspace.slug}/api-tokens/${apiClient.id}`)
      .loginAs(members.admin)
      .withCsrfToken()
      .redirects(0)
    revoke.assertStatus(302)
    revoke.assertFlashMessage('success', 'The token "Test integration" was revoked. Requests with it are refused from now on.')

    const response = await call(client, 'get', '/api/v1/contacts', secret)
    response.assertStatus(401)
    assert.equal(response.body().code, 'E_REVOKED_TOKEN')

    const page = await client.get(`/w/${workspace.slug}/api-tokens`).loginAs(members.admin).withInertia()
    assert.include((page.inertiaProps as any).tokens[0], { status: 'revoked', expiresAt: null })
  })

  test('a token without the scope gets 403 naming the scope', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const { secret } = await tokenFor(workspace, members.owner, ['contacts:read'])
    ;(await call(client, 'get', '/api/v1/contacts', secret)).assertStatus(200)
    const write = await call(client, 'post', '/api/v1/contacts', secret, { name: 'Ada' })
    write.assertStatus(403)
    assert.deepEqual(write.body(), { code: 'E_MISSING_SCOPE', message: 'This token lacks the "contacts:write" scope. Create a token with that scope.' })
    ;(await call(client, 'get', '/api/v1/tickets', secret)).assertStatus(403)
    assert.equal(await db.from('contacts').where('workspace_id', workspace.id).count('* as total').then(([row]) => Number(row.total)), 0)
  })

  test('each token has its own rate limit: 429 with Retry-After, other tokens unaffected', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const { secret } = await tokenFor(workspace, members.owner, ['contacts:read'], { requestsPerMinute: 3 })
    const { secret: other } = await tokenFor(workspace, members.owner, ['contacts:read'])
    for (let index = 0; index < 3; index++) {
      const response = await call(client, 'get', '/api/v1/contacts', secret)
      response.assertStatus(200)
      response.assertHeader('x-ratelimit-limit', '3')
      response.assertHeader('x-ratelimit-remaining', String(2 - index))
    }
    const limited = await call(client, 'get', '/api/v1/contacts', secret)
    limited.assertStatus(429)
    assert.equal(limited.body().code, 'E_TOO_MANY_REQUESTS')
    assert.match(limited.body().message, /3 requests per minute/)
    assert.isAbove(Number(limited.header('retry-after')), 0)
    ;(await call(client, 'get', '/api/v1/contacts', other)).assertStatus(200)
  })
})
