import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import SaveTag from '#helpdesk/actions/save_tag'
import SaveTeam from '#helpdesk/actions/save_team'
import UpdateTicket from '#helpdesk/actions/update_ticket'
import AddTicketMessage from '#helpdesk/actions/add_ticket_message'
import { contactWritesIn, helpdeskGroup, helpdeskWorkspace } from '#tests/helpdesk/fixtures'

test.group('Inbox: list, filters and search', (group) => {
  helpdeskGroup(group)

  async function inbox(client: any, user: any, url: string) {
    const response = await client.get(url).loginAs(user).withInertia()
    response.assertStatus(200)
    response.assertInertiaComponent('helpdesk/inbox')
    return response.inertiaProps as any
  }
  const numbers = (props: any) => props.tickets.map((ticket: any) => ticket.number).sort((a: number, b: number) => a - b)

  test('the inbox lists open tickets newest first, as DTOs, with the selected conversation', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const first = await contactWritesIn(workspace.id, { subject: 'First' })
    await contactWritesIn(workspace.id, { subject: 'Second' })
    const props = await inbox(client, members.agent, `${base}/inbox`)
    assert.deepEqual(props.tickets.map((ticket: any) => ticket.subject), ['Second', 'First'])
    assert.isNull(props.selected)
    assert.equal(props.realtime.channel, `helpdesk/workspaces/${workspace.id}`)
    assert.isTrue(props.permissions.canWork)
    const listed = props.tickets[0]
    assert.sameMembers(Object.keys(listed), ['id', 'number', 'subject', 'status', 'priority', 'channel', 'contact', 'assignee', 'team', 'tags', 'incidentId', 'lastMessageAt', 'snoozedUntil'])

    await new AddTicketMessage().handle({ workspaceId: workspace.id, ticketId: first.ticket.id, authorUserId: members.agent.id, kind: 'note', body: 'Staff only' })
    const selected = (await inbox(client, members.privacy, `${base}/inbox/${first.ticket.id}`)).selected
    assert.equal(selected.subject, 'First')
    assert.deepEqual(selected.messages.map((message: any) => [message.kind, message.internal]), [['inbound', false], ['note', true]])
    assert.notProperty(selected, 'contactId')
    assert.notProperty(selected.contact, 'emailIndex')
    const privacyProps = await inbox(client, members.privacy, `${base}/inbox`)
    assert.isFalse(privacyProps.permissions.canWork, 'privacy staff read only')
  })

  test('filters by status, assignee, team, tag, priority and channel', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const team = await new SaveTeam().handle({ workspaceId: workspace.id, name: 'Tier 2' })
    const tag = await new SaveTag().handle({ workspaceId: workspace.id, name: 'bug' })
    const a = await contactWritesIn(workspace.id, { channel: 'chat' })
    const b = await contactWritesIn(workspace.id)
    const c = await contactWritesIn(workspace.id)
    const update = (ticketId: string, changes: any) => new UpdateTicket().handle({ workspaceId: workspace.id, ticketId, actorUserId: members.agent.id, changes })
    await update(a.ticket.id, { assigneeUserId: members.agent.id, teamId: team.id, priority: 'urgent' })
    await update(b.ticket.id, { tagIds: [tag.id], assigneeUserId: members.admin.id })
    await update(c.ticket.id, { status: 'pending' })

    assert.deepEqual(numbers(await inbox(client, members.agent, `${base}/inbox`)), [1, 2])
    assert.deepEqual(numbers(await inbox(client, members.agent, `${base}/inbox?status=pending`)), [3])
    assert.deepEqual(numbers(await inbox(client, members.agent, `${base}/inbox?status=all`)), [1, 2, 3])
    assert.deepEqual(numbers(await inbox(client, members.agent, `${base}/inbox?assignee=me`)), [1])
    assert.deepEqual(numbers(await inbox(client, members.agent, `${base}/inbox?assignee=unassigned&status=all`)), [3])
    assert.deepEqual(numbers(await inbox(client, members.agent, `${base}/inbox?assignee=${members.admin.id}`)), [2])
    assert.deepEqual(numbers(await inbox(client, members.agent, `${base}/inbox?teamId=${team.id}`)), [1])
    assert.deepEqual(numbers(await inbox(client, members.agent, `${base}/inbox?tagId=${tag.id}`)), [2])
    assert.deepEqual(numbers(await inbox(client, members.agent, `${base}/inbox?priority=urgent`)), [1])
    assert.deepEqual(numbers(await inbox(client, members.agent, `${base}/inbox?channel=chat`)), [1])

    const bad = await client.get(`${base}/inbox?status=nonsense`).loginAs(members.agent).accept('json')
    bad.assertStatus(422)
  })

  test('search finds tickets by number, contact email or phone, and whole words, without storing words', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const other = await helpdeskWorkspace()
    await contactWritesIn(workspace.id, { from: { email: 'lena@example.test', phone: '+49 30 1234 5678' }, subject: 'Café order', body: 'The refund for my espresso machine never arrived.' })
    await contactWritesIn(workspace.id, { subject: 'Login', body: 'Password reset mail never arrives' })
    const third = await contactWritesIn(workspace.id, { subject: 'Export', body: 'Please export my data' })
    await new AddTicketMessage().handle({ workspaceId: workspace.id, ticketId: third.ticket.id, authorUserId: members.agent.id, kind: 'note', body: 'Escalated to engineering' })
    await contactWritesIn(other.workspace.id, { subject: 'Espresso', body: 'espresso machine refund' })

    const search = async (q: string) => numbers(await inbox(client, members.agent, `${base}/inbox?q=${encodeURIComponent(q)}`))
    assert.deepEqual(await search('#2'), [2])
    assert.deepEqual(await search('3'), [3])
    assert.deepEqual(await search('LENA@example.test'), [1])
    assert.deepEqual(await search('+49 (30) 1234-5678'), [1])
    assert.deepEqual(await search('espresso refund'), [1], 'every word must match; other workspaces are never searched')
    assert.deepEqual(await search('cafe'), [1], 'accents are folded')
    assert.deepEqual(await search('never'), [1, 2])
    assert.deepEqual(await search('engineering'), [3], 'internal notes are searchable by staff')
    assert.deepEqual(await search('espres'), [], 'no prefixes: whole words only')
    assert.deepEqual(await search('the'), [], 'stop words alone match nothing')

    await new UpdateTicket().handle({ workspaceId: workspace.id, ticketId: third.ticket.id, actorUserId: members.agent.id, changes: { status: 'resolved' } })
    assert.deepEqual(await search('export'), [3], 'search looks at every status')

    const tokens = await db.from('search_tokens').where('workspace_id', workspace.id).select('token')
    assert.isAbove(tokens.length, 10)
    const stored = JSON.stringify(tokens)
    for (const word of ['espresso', 'refund', 'password', 'engineering']) assert.notInclude(stored, word)
  })
})
