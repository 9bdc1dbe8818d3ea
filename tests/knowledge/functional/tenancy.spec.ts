import { test } from '@japa/runner'
import { assertAnswers404, assertRoleAccess, type RouteCase } from '#tests/helpers/tenancy'
import AskPlayground from '#assistant/actions/ask_playground'
import { contactWritesIn } from '#tests/helpdesk/fixtures'
import { addText, knowledgeGroup, knowledgeWorkspace, withAnthropicKey } from '#tests/knowledge/fixtures'

async function records(workspace: { id: string; name: string }, userId: string) {
  await withAnthropicKey(workspace.id)
  const source = await addText(workspace.id, 'Hours', '# Hours\n\nWe answer on weekdays.')
  const { ticket } = await contactWritesIn(workspace.id)
  const plan = await new AskPlayground().plan({ workspaceId: workspace.id, workspaceName: workspace.name, userId, question: 'When do you answer?' })
  return { source, ticket, thread: plan.thread }
}

test.group('Knowledge and assistant tenancy and roles', (group) => {
  knowledgeGroup(group)

  test("another workspace's sources, tickets and threads answer 404 for every role", async ({ client }) => {
    const { workspace, members, base } = await knowledgeWorkspace()
    await records(workspace, members.admin.id)
    const other = await knowledgeWorkspace()
    const foreign = await records(other.workspace, other.members.admin.id)
    const routes: RouteCase[] = [
      { method: 'get', url: `${base}/knowledge/${foreign.source.id}` },
      { method: 'get', url: `${base}/knowledge/not-a-uuid` },
      { method: 'put', url: `${base}/knowledge/${foreign.source.id}`, body: { title: 'Mine now' } },
      { method: 'post', url: `${base}/knowledge/${foreign.source.id}/resync` },
      { method: 'delete', url: `${base}/knowledge/${foreign.source.id}` },
      { method: 'get', url: `${base}/ai/playground/${foreign.thread.id}` },
      { method: 'post', url: `${base}/ai/playground/ask`, body: { question: 'Hello?', threadId: foreign.thread.id } },
      { method: 'post', url: `${base}/tickets/${foreign.ticket.id}/ai/suggestion` },
      { method: 'get', url: `${base}/tickets/${foreign.ticket.id}/ai/summary` },
      { method: 'post', url: `${base}/tickets/${foreign.ticket.id}/ai/summary` },
      { method: 'get', url: `/w/${other.workspace.slug}/knowledge` },
      { method: 'get', url: `/w/${other.workspace.slug}/ai/settings` },
    ]
    for (const role of ['owner', 'admin', 'agent', 'privacy'] as const) await assertAnswers404(client, members[role], routes)
  })

  test('each role gets exactly its access', async ({ client }) => {
    const { workspace, members, base } = await knowledgeWorkspace()
    const own = await records(workspace, members.admin.id)
    const managers = ['owner', 'admin'] as const
    const workers = ['owner', 'admin', 'agent'] as const
    await assertRoleAccess(client, members, [...workers], () => ({ method: 'get', url: `${base}/knowledge` }))
    await assertRoleAccess(client, members, [...workers], () => ({ method: 'get', url: `${base}/knowledge/${own.source.id}` }))
    await assertRoleAccess(client, members, [...managers], () => ({ method: 'post', url: `${base}/knowledge`, body: { kind: 'text', title: 'T', text: 'Some text.' } }))
    await assertRoleAccess(client, members, [...managers], () => ({ method: 'put', url: `${base}/knowledge/${own.source.id}`, body: { title: 'Renamed' } }))
    await assertRoleAccess(client, members, [...managers], () => ({ method: 'post', url: `${base}/knowledge/${own.source.id}/resync` }))
    await assertRoleAccess(client, members, [...managers], async () => {
      const source = await addText(workspace.id, 'Doomed', 'Delete me.')
      return { method: 'delete', url: `${base}/knowledge/${source.id}` }
    })
    await assertRoleAccess(client, members, [...managers], () => ({ method: 'get', url: `${base}/ai/settings` }))
    await assertRoleAccess(client, members, [...managers], () => ({ method: 'put', url: `${base}/ai/settings`, body: { redactionEnabled: true, embeddingProvider: 'local' } }))
    await assertRoleAccess(client, members, [...managers], () => ({ method: 'get', url: `${base}/ai/playground` }))
    await assertRoleAccess(client, members, [...managers], () => ({ method: 'get', url: `${base}/ai/playground/${own.thread.id}` }))
    await assertRoleAccess(client, members, [...managers], () => ({ method: 'post', url: `${base}/ai/playground/ask`, body: { question: 'When?' } }))
    await assertRoleAccess(client, members, [...managers], () => ({ method: 'get', url: `${base}/ai/usage` }))
    await assertRoleAccess(client, members, [...workers], () => ({ method: 'post', url: `${base}/tickets/${own.ticket.id}/ai/suggestion` }))
    await assertRoleAccess(client, members, [...workers], () => ({ method: 'get', url: `${base}/tickets/${own.ticket.id}/ai/summary` }))
    await assertRoleAccess(client, members, [...workers], () => ({ method: 'post', url: `${base}/tickets/${own.ticket.id}/ai/summary` }))
  })
})
