import { test } from '@japa/runner'
import Ticket from '#helpdesk/models/ticket'
import TicketMessage from '#helpdesk/models/ticket_message'
import Incident from '#helpdesk/models/incident'
import AnalyticsEvent from '#helpdesk/models/analytics_event'
import UpdateTicket from '#helpdesk/actions/update_ticket'
import { asMember, contactWritesIn, helpdeskGroup, helpdeskWorkspace } from '#tests/helpdesk/fixtures'

test.group('Mass incidents', (group) => {
  helpdeskGroup(group)

  test('link many tickets to one incident, then send one update posted on each', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const one = await contactWritesIn(workspace.id, { from: { email: 'a@outage.test', name: 'Alice' } })
    const two = await contactWritesIn(workspace.id, { from: { email: 'b@outage.test', name: 'Bob' } })
    const closed = await contactWritesIn(workspace.id, { from: { email: 'c@outage.test', name: 'Carol' } })
    await new UpdateTicket().handle({ workspaceId: workspace.id, ticketId: closed.ticket.id, actorUserId: members.agent.id, changes: { status: 'closed' } })

    const created = await asMember(client, members.agent, 'post', `${base}/incidents`, { title: 'Login outage', ticketIds: [one.ticket.id] })
    created.assertStatus(201)
    const incidentId = created.body().id
    const linked = await asMember(client, members.agent, 'post', `${base}/incidents/${incidentId}/tickets`, { ticketIds: [two.ticket.id, closed.ticket.id] })
    linked.assertStatus(200)
    assert.equal(linked.body().linked, 2)

    const update = await asMember(client, members.agent, 'post', `${base}/incidents/${incidentId}/updates`, {
      body: 'Hi {{contact.name}}, login works again. Sorry about {{ticket.number}}. — {{agent.name}}',
      resolve: true,
    })
    update.assertStatus(200)
    assert.equal(update.body().sent, 2, 'closed tickets get no message')

    const replies = await TicketMessage.query().whereIn('ticket_id', [one.ticket.id, two.ticket.id]).where('kind', 'outbound').orderBy('created_at')
    assert.lengthOf(replies, 2)
    assert.equal(replies.find((reply) => reply.ticketId === one.ticket.id)!.body, `Hi Alice, login works again. Sorry about #${one.ticket.number}. — ${members.agent.fullName}`)
    assert.include(replies.find((reply) => reply.ticketId === two.ticket.id)!.body, 'Hi Bob,')
    assert.lengthOf(await TicketMessage.query().where('ticket_id', closed.ticket.id).where('kind', 'outbound'), 0)
    assert.deepEqual((await Ticket.query().whereIn('id', [one.ticket.id, two.ticket.id])).map((ticket) => ticket.status), ['resolved', 'resolved'])
    assert.equal((await Incident.findOrFail(incidentId)).status, 'resolved')
    assert.lengthOf(await AnalyticsEvent.query().where('workspace_id', workspace.id).where('type', 'message_sent'), 2)

    const page = await client.get(`${base}/incidents/${incidentId}`).loginAs(members.privacy).withInertia()
    page.assertInertiaComponent('helpdesk/incidents/show')
    assert.lengthOf((page.inertiaProps as any).tickets, 3)
    const list = await client.get(`${base}/incidents`).loginAs(members.agent).withInertia()
    assert.equal((list.inertiaProps as any).incidents[0].ticketCount, 3)
  })

  test('an update needs text and at least one open linked ticket; foreign tickets are a 404', async ({ client }) => {
    const { members, base } = await helpdeskWorkspace()
    const other = await helpdeskWorkspace()
    const foreign = await contactWritesIn(other.workspace.id)
    const created = await asMember(client, members.agent, 'post', `${base}/incidents`, { title: 'Slow API' })
    const incidentId = created.body().id
    ;(await asMember(client, members.agent, 'post', `${base}/incidents/${incidentId}/updates`, { body: 'All good' })).assertStatus(422)
    ;(await asMember(client, members.agent, 'post', `${base}/incidents/${incidentId}/updates`, { body: '' })).assertStatus(422)
    ;(await asMember(client, members.agent, 'post', `${base}/incidents/${incidentId}/tickets`, { ticketIds: [foreign.ticket.id] })).assertStatus(404)
    ;(await asMember(client, members.agent, 'post', `${base}/incidents`, { title: 'x', ticketIds: [foreign.ticket.id] })).assertStatus(404)
  })
})
