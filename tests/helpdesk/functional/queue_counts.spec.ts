import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Workspace from '#identity/models/workspace'
import UpdateTicket from '#helpdesk/actions/update_ticket'
import BulkUpdateTickets from '#helpdesk/actions/bulk_update_tickets'
import { contactWritesIn, helpdeskGroup, helpdeskWorkspace } from '#tests/helpdesk/fixtures'
import { call, tokenFor } from '#tests/helpdesk/functional/api/api_fixtures'

type Queue = { status: string; assignee: string | null; tickets: number }

/** What the triggers keep, and what counting the tickets says, per queue of the workspace. */
async function queues(workspaceId: string) {
  const sorted = (rows: Queue[]) => rows.map((row) => ({ ...row, tickets: Number(row.tickets) })).sort((a, b) => `${a.status}${a.assignee}`.localeCompare(`${b.status}${b.assignee}`))
  const kept = await db.rawQuery('SELECT status, assignee_user_id AS assignee, tickets FROM ticket_queue_counts WHERE workspace_id = ?', [workspaceId])
  const counted = await db.rawQuery(
    'SELECT status, assignee_user_id AS assignee, count(*) AS tickets FROM tickets WHERE workspace_id = ? GROUP BY status, assignee_user_id',
    [workspaceId]
  )
  return { kept: sorted(kept.rows), counted: sorted(counted.rows) }
}

test.group('Inbox: queue totals', (group) => {
  helpdeskGroup(group)

  test('the kept queue counts follow every kind of ticket write: actions, bulk actions, plain SQL, deletes', async ({ assert }) => {
    const { workspace, members } = await helpdeskWorkspace()
    const tickets = []
    for (let index = 0; index < 4; index++) tickets.push((await contactWritesIn(workspace.id, { subject: `Queue ${index}` })).ticket)
    let state = await queues(workspace.id)
    assert.deepEqual(state.kept, [{ status: 'open', assignee: null, tickets: 4 }])

    await new UpdateTicket().handle({ workspaceId: workspace.id, ticketId: tickets[0].id, actorUserId: members.agent.id, changes: { assigneeUserId: members.agent.id } })
    await new BulkUpdateTickets().handle({
      workspaceId: workspace.id,
      ticketIds: [tickets[1].id, tickets[2].id],
      actorUserId: members.agent.id,
      changes: { assigneeUserId: members.admin.id, status: 'pending' },
    })
    await db.from('tickets').where('id', tickets[3].id).update({ status: 'closed' })
    state = await queues(workspace.id)
    assert.deepEqual(state.kept, state.counted)
    assert.lengthOf(state.kept, 3)

    await db.from('tickets').where('id', tickets[0].id).delete()
    state = await queues(workspace.id)
    assert.deepEqual(state.kept, state.counted)
    assert.notDeepInclude(state.kept, { status: 'open', assignee: members.agent.id, tickets: 0 }, 'queues at zero are removed')

    await db.rawQuery('TRUNCATE tickets CASCADE')
    assert.deepEqual(await queues(workspace.id), { kept: [], counted: [] })
  })

  test('the inbox total comes from the kept counts for a queue, and from the tickets for other filters', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    for (let index = 0; index < 3; index++) {
      const { ticket } = await contactWritesIn(workspace.id, { subject: `Total ${index}` })
      if (index > 0) await new UpdateTicket().handle({ workspaceId: workspace.id, ticketId: ticket.id, actorUserId: null, changes: { assigneeUserId: members.agent.id, priority: index === 2 ? 'high' : 'normal' } })
    }
    const totalOf = async (query: string) => {
      const response = await client.get(`${base}/inbox?${query}`).loginAs(members.agent).withInertia()
      response.assertStatus(200)
      return response.body().props.pagination.total as number
    }
    assert.equal(await totalOf('status=open'), 3)
    assert.equal(await totalOf('status=open&assignee=me'), 2)
    assert.equal(await totalOf('status=open&assignee=unassigned'), 1)
    assert.equal(await totalOf('status=all'), 3)
    assert.equal(await totalOf('status=pending'), 0)
    assert.equal(await totalOf('status=open&assignee=me&priority=high'), 1)
  })

  test('the REST API list of a queue takes its total from the kept counts and pages through the tickets with their relations', async ({ client, assert }) => {
    const { workspace, members } = await helpdeskWorkspace()
    const { secret } = await tokenFor(workspace, members.owner)
    const numbers: number[] = []
    for (let index = 0; index < 3; index++) {
      const { ticket } = await contactWritesIn(workspace.id, { subject: `API queue ${index}` })
      await new UpdateTicket().handle({ workspaceId: workspace.id, ticketId: ticket.id, actorUserId: null, changes: { assigneeUserId: members.agent.id } })
      numbers.push(ticket.number)
    }
    await contactWritesIn(workspace.id, { subject: 'Someone else’s' })
    const first = await call(client, 'get', `/api/v1/tickets?status=open&assignee_id=${members.agent.id}&per_page=2`, secret)
    first.assertStatus(200)
    assert.deepEqual(first.body().meta, { page: 1, per_page: 2, total: 3, last_page: 2 })
    const second = await call(client, 'get', `/api/v1/tickets?status=open&assignee_id=${members.agent.id}&per_page=2&page=2`, secret)
    const listed = [...first.body().data, ...second.body().data]
    assert.sameMembers(listed.map((ticket: { number: number }) => ticket.number), numbers)
    assert.isTrue(listed.every((ticket: { subject: string }) => ticket.subject.startsWith('API queue')), 'subjects opened by the vault')
  })

  test('a deleted workspace leaves no queue counts behind', async ({ assert }) => {
    const { workspace } = await helpdeskWorkspace()
    await contactWritesIn(workspace.id)
    assert.lengthOf((await queues(workspace.id)).kept, 1)
    await Workspace.query().where('id', workspace.id).delete()
    assert.deepEqual(await queues(workspace.id), { kept: [], counted: [] })
  })
})
