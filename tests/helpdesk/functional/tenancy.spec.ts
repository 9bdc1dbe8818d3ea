import { test } from '@japa/runner'
import type User from '#identity/models/user'
import type Workspace from '#identity/models/workspace'
import type { Role } from '#identity/roles'
import { assertAnswers404, assertRoleAccess, type RouteCase } from '#tests/helpers/tenancy'
import SaveTag from '#helpdesk/actions/save_tag'
import SaveTeam from '#helpdesk/actions/save_team'
import SaveCustomField from '#helpdesk/actions/save_custom_field'
import SaveCannedReply from '#helpdesk/actions/save_canned_reply'
import CreateIncident from '#helpdesk/actions/create_incident'
import CreateContact from '#helpdesk/actions/create_contact'
import TicketAttachment from '#helpdesk/models/ticket_attachment'
import { asMember, contactWritesIn, helpdeskGroup, helpdeskWorkspace } from '#tests/helpdesk/fixtures'

/** One of everything in a workspace: contact, ticket with a message and attachment, tag, team, field, canned reply, incident. */
async function records(workspace: Workspace, members: Record<Role, User>) {
  const written = await contactWritesIn(workspace.id, { attachments: [{ filename: 'note.txt', bytes: Buffer.from('hello') }] })
  const attachment = await TicketAttachment.query().where('ticket_id', written.ticket.id).firstOrFail()
  return {
    contact: written.contact,
    ticket: written.ticket,
    message: written.message,
    attachment,
    tag: await new SaveTag().handle({ workspaceId: workspace.id, name: `tag-${Math.random()}` }),
    team: await new SaveTeam().handle({ workspaceId: workspace.id, name: `team-${Math.random()}` }),
    field: await new SaveCustomField().handle({ workspaceId: workspace.id, label: `Field ${Math.random().toString(36).slice(2, 8)}`, type: 'text' }),
    reply: await new SaveCannedReply().handle({ workspaceId: workspace.id, title: 'Hi', body: 'Hello {{contact.name}}', actorUserId: members.admin.id }),
    incident: await new CreateIncident().handle({ workspaceId: workspace.id, title: 'Outage', actorUserId: members.agent.id }),
  }
}

test.group('Helpdesk tenancy and roles', (group) => {
  helpdeskGroup(group)

  test("another workspace's contact, ticket, message, tag, team, field, canned-reply and incident ids answer 404 for every role", async ({ client }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const own = await records(workspace, members)
    const other = await helpdeskWorkspace()
    const foreign = await records(other.workspace, other.members)

    const routes: RouteCase[] = [
      { method: 'get', url: `${base}/inbox/${foreign.ticket.id}` },
      { method: 'get', url: `${base}/inbox/not-a-uuid` },
      { method: 'patch', url: `${base}/tickets/${foreign.ticket.id}`, body: { version: 1, priority: 'high' } },
      { method: 'post', url: `${base}/tickets/${foreign.ticket.id}/messages`, body: { kind: 'outbound', body: 'hi' } },
      { method: 'post', url: `${base}/tickets/bulk`, body: { ticketIds: [own.ticket.id, foreign.ticket.id], action: 'status', status: 'pending' } },
      { method: 'get', url: `${base}/tickets/${foreign.ticket.id}/attachments/${foreign.attachment.id}` },
      { method: 'get', url: `${base}/tickets/${own.ticket.id}/attachments/${foreign.attachment.id}` },
      { method: 'get', url: `${base}/tickets/${foreign.ticket.id}/canned-replies/${own.reply.id}` },
      { method: 'get', url: `${base}/tickets/${own.ticket.id}/canned-replies/${foreign.reply.id}` },
      { method: 'get', url: `${base}/contacts/${foreign.contact.id}` },
      { method: 'put', url: `${base}/contacts/${foreign.contact.id}`, body: { name: 'X' } },
      { method: 'post', url: `${base}/contacts/${foreign.contact.id}/merge`, body: { sourceContactId: own.contact.id } },
      { method: 'get', url: `${base}/incidents/${foreign.incident.id}` },
      { method: 'post', url: `${base}/incidents/${foreign.incident.id}/tickets`, body: { ticketIds: [own.ticket.id] } },
      { method: 'post', url: `${base}/incidents/${own.incident.id}/tickets`, body: { ticketIds: [foreign.ticket.id] } },
      { method: 'post', url: `${base}/incidents/${foreign.incident.id}/updates`, body: { body: 'Update' } },
      { method: 'put', url: `${base}/helpdesk/tags/${foreign.tag.id}`, body: { name: 'renamed' } },
      { method: 'delete', url: `${base}/helpdesk/tags/${foreign.tag.id}` },
      { method: 'put', url: `${base}/helpdesk/teams/${foreign.team.id}`, body: { name: 'renamed' } },
      { method: 'delete', url: `${base}/helpdesk/teams/${foreign.team.id}` },
      { method: 'put', url: `${base}/helpdesk/custom-fields/${foreign.field.id}`, body: { label: 'renamed' } },
      { method: 'delete', url: `${base}/helpdesk/custom-fields/${foreign.field.id}` },
      { method: 'put', url: `${base}/helpdesk/canned-replies/${foreign.reply.id}`, body: { title: 'x', body: 'y' } },
      { method: 'delete', url: `${base}/helpdesk/canned-replies/${foreign.reply.id}` },
      // The other workspace's slug, with its own ids: not a member, so 404 as well
      { method: 'get', url: `${other.base}/inbox/${foreign.ticket.id}` },
      { method: 'get', url: `${other.base}/contacts` },
    ]
    for (const user of Object.values(members)) await assertAnswers404(client, user, routes)
  })

  test('foreign ids inside a request body are refused by the validators (422), and nothing changes', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const own = await records(workspace, members)
    const other = await helpdeskWorkspace()
    const foreign = await records(other.workspace, other.members)
    const cases: RouteCase[] = [
      { method: 'patch', url: `${base}/tickets/${own.ticket.id}`, body: { version: 1, tagIds: [foreign.tag.id] } },
      { method: 'patch', url: `${base}/tickets/${own.ticket.id}`, body: { version: 1, teamId: foreign.team.id } },
      { method: 'patch', url: `${base}/tickets/${own.ticket.id}`, body: { version: 1, assigneeUserId: other.members.agent.id } },
      { method: 'post', url: `${base}/tickets/bulk`, body: { ticketIds: [own.ticket.id], action: 'tag', tagIds: [foreign.tag.id] } },
      { method: 'post', url: `${base}/tickets`, body: { contactId: foreign.contact.id, subject: 'x', body: 'y' } },
      { method: 'post', url: `${base}/contacts/${own.contact.id}/merge`, body: { sourceContactId: foreign.contact.id } },
    ]
    for (const route of cases) {
      const response = await asMember(client, members.owner, route.method, route.url, route.body)
      assert.equal(response.status(), 422, `${route.method} ${route.url} ${JSON.stringify(route.body)}`)
    }
  })

  test('each role gets exactly its access: everyone reads, agents work, owners and admins manage settings', async ({ client }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const own = await records(workspace, members)
    const everyone: Role[] = ['owner', 'admin', 'agent', 'privacy']
    const workers: Role[] = ['owner', 'admin', 'agent']
    const managers: Role[] = ['owner', 'admin']

    for (const url of [
      `${base}/inbox`,
      `${base}/inbox/${own.ticket.id}`,
      `${base}/contacts`,
      `${base}/contacts/${own.contact.id}`,
      `${base}/incidents`,
      `${base}/incidents/${own.incident.id}`,
      `${base}/tickets/${own.ticket.id}/attachments/${own.attachment.id}`,
    ]) {
      await assertRoleAccess(client, members, everyone, () => ({ method: 'get', url }))
    }

    const freshTicket = async () => (await contactWritesIn(workspace.id)).ticket
    await assertRoleAccess(client, members, workers, async () => ({ method: 'patch', url: `${base}/tickets/${(await freshTicket()).id}`, body: { version: 1, priority: 'high' } }))
    await assertRoleAccess(client, members, workers, async () => ({ method: 'post', url: `${base}/tickets/${(await freshTicket()).id}/messages`, body: { kind: 'note', body: 'n' } }))
    await assertRoleAccess(client, members, workers, async () => ({ method: 'post', url: `${base}/tickets/bulk`, body: { ticketIds: [(await freshTicket()).id], action: 'status', status: 'pending' } }))
    await assertRoleAccess(client, members, workers, () => ({ method: 'post', url: `${base}/tickets`, body: { contactEmail: `new-${Math.random()}@example.test`, subject: 's', body: 'b' } }))
    await assertRoleAccess(client, members, workers, () => ({ method: 'get', url: `${base}/tickets/${own.ticket.id}/canned-replies/${own.reply.id}` }))
    await assertRoleAccess(client, members, workers, () => ({ method: 'post', url: `${base}/contacts`, body: { email: `c-${Math.random()}@example.test` } }))
    await assertRoleAccess(client, members, workers, () => ({ method: 'put', url: `${base}/contacts/${own.contact.id}`, body: { name: 'Renamed' } }))
    await assertRoleAccess(client, members, workers, async () => {
      const source = await new CreateContact().handle(workspace.id, { email: `dup-${Math.random()}@example.test` })
      return { method: 'post', url: `${base}/contacts/${own.contact.id}/merge`, body: { sourceContactId: source.id } }
    })
    await assertRoleAccess(client, members, workers, () => ({ method: 'post', url: `${base}/incidents`, body: { title: 'Another outage' } }))
    await assertRoleAccess(client, members, workers, async () => ({ method: 'post', url: `${base}/incidents/${own.incident.id}/tickets`, body: { ticketIds: [(await freshTicket()).id] } }))
    await assertRoleAccess(client, members, workers, () => ({ method: 'post', url: `${base}/incidents/${own.incident.id}/updates`, body: { body: 'We are on it' } }))

    await assertRoleAccess(client, members, managers, () => ({ method: 'get', url: `${base}/helpdesk/settings` }))
    await assertRoleAccess(client, members, managers, () => ({ method: 'put', url: `${base}/helpdesk/settings/csat`, body: { csatEnabled: true } }))
    const definitions: [string, () => Promise<{ id: string }>, Record<string, unknown>][] = [
      ['tags', () => new SaveTag().handle({ workspaceId: workspace.id, name: `t-${Math.random()}` }), { name: `t-${Math.random()}` }],
      ['teams', () => new SaveTeam().handle({ workspaceId: workspace.id, name: `T-${Math.random()}` }), { name: `T-${Math.random()}` }],
      ['custom-fields', () => new SaveCustomField().handle({ workspaceId: workspace.id, label: `F ${Math.random().toString(36).slice(2, 8)}`, type: 'text' }), { label: `F ${Math.random().toString(36).slice(2, 8)}`, type: 'text' }],
      ['canned-replies', () => new SaveCannedReply().handle({ workspaceId: workspace.id, title: 'R', body: 'B', actorUserId: null }), { title: 'R', body: 'B' }],
    ]
    for (const [path, make, body] of definitions) {
      await assertRoleAccess(client, members, managers, () => ({ method: 'post', url: `${base}/helpdesk/${path}`, body: { ...body, name: `${body.name ?? ''}${Math.random()}`, label: body.label ? `${body.label} ${Math.random().toString(36).slice(2, 6)}` : undefined } }))
      await assertRoleAccess(client, members, managers, async () => ({ method: 'put', url: `${base}/helpdesk/${path}/${(await make()).id}`, body: { ...body, label: body.label ? `${body.label}x` : undefined, name: body.name ? `${body.name}${Math.random()}` : undefined } }))
      await assertRoleAccess(client, members, managers, async () => ({ method: 'delete', url: `${base}/helpdesk/${path}/${(await make()).id}` }))
    }
  })

  test('signed-out visitors are sent to sign in; non-members get a 404', async ({ client }) => {
    const { base } = await helpdeskWorkspace()
    const response = await client.get(`${base}/inbox`).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })
})
