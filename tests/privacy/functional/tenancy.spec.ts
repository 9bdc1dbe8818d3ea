import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { assertAnswers404, assertRoleAccess, type RouteCase } from '#tests/helpers/tenancy'
import { UserFactory } from '#database/factories/identity_factories'
import PrivacyRequest from '#privacy/models/privacy_request'
import PrivacyRecipientTask from '#privacy/models/privacy_recipient_task'
import { privacyGroup, privacyWorkspace } from '#tests/privacy/fixtures'
import type { Role } from '#identity/roles'

/** A request straight in the database (no mail), verified, in a workspace's desk. */
async function requestIn(workspaceId: string, type: PrivacyRequest['type'] = 'access', status: PrivacyRequest['status'] = 'verified') {
  const now = DateTime.now()
  return PrivacyRequest.create({
    workspaceId,
    keyScope: workspaceId,
    type,
    regime: 'gdpr',
    status,
    subjectType: 'contact',
    email: `tenancy-${Math.random().toString(36).slice(2)}@example.test`,
    verifiedVia: 'email',
    verifiedAt: now,
    receivedAt: now,
    dueAt: now.plus({ days: 30 }),
    mergedCount: 0,
  })
}

/** Every workspace route of the privacy desk, for one request. */
function deskRoutes(base: string, request: PrivacyRequest, taskId: string): RouteCase[] {
  const id = request.id
  return [
    { method: 'get', url: `${base}/privacy/requests` },
    { method: 'get', url: `${base}/privacy/requests/${id}` },
    { method: 'post', url: `${base}/privacy/requests/${id}/verify`, body: { note: 'checked the address on file' } },
    { method: 'post', url: `${base}/privacy/requests/${id}/extend`, body: { reason: 'complex request' } },
    { method: 'post', url: `${base}/privacy/requests/${id}/approve` },
    { method: 'post', url: `${base}/privacy/requests/${id}/fulfil` },
    { method: 'post', url: `${base}/privacy/requests/${id}/reject`, body: { reason: 'unfounded request' } },
    { method: 'post', url: `${base}/privacy/requests/${id}/notes`, body: { note: 'a note' } },
    { method: 'post', url: `${base}/privacy/requests/${id}/identifiers`, body: { kind: 'phone', value: '+49 30 1234567' } },
    { method: 'put', url: `${base}/privacy/requests/${id}/assignee`, body: { assigneeUserId: null } },
    { method: 'post', url: `${base}/privacy/requests/${id}/tasks/${taskId}/done` },
    { method: 'get', url: `${base}/privacy/requests/${id}/certificate` },
  ]
}

test.group('Privacy desk: tenancy and roles', (group) => {
  privacyGroup(group)

  test('another workspace’s requests answer 404 on every route, like ids that do not exist', async ({ client }) => {
    const mine = await privacyWorkspace()
    const theirs = await privacyWorkspace()
    const foreign = await requestIn(theirs.workspace.id)
    const task = await PrivacyRecipientTask.create({ workspaceId: theirs.workspace.id, requestId: foreign.id, recipientName: 'X', recipientKind: 'integration', purpose: 'y', status: 'open' })
    const routes = deskRoutes(`/w/${mine.workspace.slug}`, foreign, task.id).filter((route) => route.url.includes(foreign.id))
    await assertAnswers404(client, mine.members.owner, routes)
    await assertAnswers404(client, mine.members.privacy, routes)
    await assertAnswers404(client, mine.members.owner, [{ method: 'get', url: `/w/${mine.workspace.slug}/privacy/requests/not-a-uuid` }])
    // Another workspace's slug: not a member, 404.
    await assertAnswers404(client, mine.members.owner, deskRoutes(`/w/${theirs.workspace.slug}`, foreign, task.id))
    await assertAnswers404(client, mine.members.owner, [{ method: 'get', url: `/w/${theirs.workspace.slug}/privacy/catalog` }])
    // A task of another request (even in my workspace) is not found through this request.
    const own = await requestIn(mine.workspace.id)
    await assertAnswers404(client, mine.members.owner, [{ method: 'post', url: `/w/${mine.workspace.slug}/privacy/requests/${own.id}/tasks/${task.id}/done` }])
  })

  test('owners and privacy staff work the desk; admins and agents get 403 on every route', async ({ client }) => {
    const { workspace, members } = await privacyWorkspace()
    const base = `/w/${workspace.slug}`
    const routeCount = deskRoutes(base, await requestIn(workspace.id), '00000000-0000-4000-8000-000000000000').length
    for (let index = 0; index < routeCount; index++) {
      await assertRoleAccess(client, members, ['owner', 'privacy'], async (_role: Role) => {
        const request = await requestIn(workspace.id)
        const task = await PrivacyRecipientTask.create({ workspaceId: workspace.id, requestId: request.id, recipientName: 'X', recipientKind: 'integration', purpose: 'y', status: 'open' })
        return deskRoutes(base, request, task.id)[index]
      })
    }
    await assertRoleAccess(client, members, ['owner', 'privacy'], () => ({ method: 'get', url: `${base}/privacy/catalog` }))
    await assertRoleAccess(client, members, ['owner'], () => ({ method: 'put', url: `${base}/privacy/settings`, body: { targetDays: 20, defaultRegime: 'gdpr' } }))
  })

  test('the operator’s platform desk answers 404 to everyone but operators', async ({ client, assert }) => {
    const { workspace, members } = await privacyWorkspace()
    const operator = await UserFactory.merge({ isOperator: true }).create()
    const platformRequest = await PrivacyRequest.create({
      workspaceId: null,
      keyScope: 'platform',
      type: 'access',
      regime: 'gdpr',
      status: 'verified',
      subjectType: 'workspace_user',
      requesterUserId: members.agent.id,
      email: members.agent.email,
      verifiedVia: 'session',
      verifiedAt: DateTime.now(),
      receivedAt: DateTime.now(),
      dueAt: DateTime.now().plus({ days: 30 }),
      mergedCount: 0,
    })
    const routes = deskRoutes('/operator', platformRequest, '00000000-0000-4000-8000-000000000000').map((route) => ({ ...route, url: route.url.replace('/operator/privacy/requests', '/operator/privacy-requests') }))
    for (const role of ['owner', 'admin', 'agent', 'privacy'] as Role[]) await assertAnswers404(client, members[role], routes)
    const workspaceRequest = await requestIn(workspace.id)
    // A workspace's request is not on the platform desk either.
    await assertAnswers404(client, operator, [{ method: 'get', url: `/operator/privacy-requests/${workspaceRequest.id}` }])
    const list = await client.get('/operator/privacy-requests').loginAs(operator)
    list.assertStatus(200)
    assert.include(list.text(), platformRequest.id)
    assert.notInclude(list.text(), workspaceRequest.id)
  })

  test('the account page needs a signed-in user', async ({ client }) => {
    const response = await client.get('/account/privacy').redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })
})
