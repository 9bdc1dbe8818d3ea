import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import Ticket from '#helpdesk/models/ticket'
import TicketMessage from '#helpdesk/models/ticket_message'
import AnalyticsEvent from '#helpdesk/models/analytics_event'
import HelpdeskActivity from '#helpdesk/models/helpdesk_activity'
import AddTicketMessage from '#helpdesk/actions/add_ticket_message'
import UpdateTicket from '#helpdesk/actions/update_ticket'
import WakeSnoozedTickets from '#helpdesk/actions/wake_snoozed_tickets'
import SaveCustomField from '#helpdesk/actions/save_custom_field'
import SaveTag from '#helpdesk/actions/save_tag'
import SaveTeam from '#helpdesk/actions/save_team'
import GetTicketConversation from '#helpdesk/actions/get_ticket_conversation'
import { contactTranscriptDto } from '#helpdesk/presenters/tickets'
import { asMember, contactWritesIn, helpdeskGroup, helpdeskWorkspace } from '#tests/helpdesk/fixtures'

test.group('Tickets: conversations', (group) => {
  helpdeskGroup(group)

  test('a contact writing in creates the contact and a numbered ticket; sealed at rest', async ({ assert }) => {
    const { workspace } = await helpdeskWorkspace()
    const first = await contactWritesIn(workspace.id, {
      from: { email: 'Ada@Example.test', name: 'Ada Lovelace' },
      subject: 'Printer on fire',
      body: 'The analytical engine prints smoke.',
    })
    const second = await contactWritesIn(workspace.id)
    assert.isTrue(first.createdTicket)
    assert.equal(first.ticket.number, 1)
    assert.equal(second.ticket.number, 2)
    assert.equal(first.ticket.status, 'open')
    assert.equal(first.message.kind, 'inbound')

    const stored = await db.from('tickets').where('id', first.ticket.id).firstOrFail()
    assert.match(stored.subject, /^vd1:s\d+:/, 'the subject is sealed with the contact key')
    const message = await db.from('ticket_messages').where('id', first.message.id).firstOrFail()
    assert.notInclude(message.body, 'smoke')
    const contact = await db.from('contacts').where('id', first.contact.id).firstOrFail()
    // Whole words: a 3-letter fragment turns up in random base64 about once in a hundred runs.
    assert.notInclude(contact.name, 'Lovelace')
    assert.notInclude(contact.email.toLowerCase(), 'example.test')

    // The same sender is recognised by email (blind index), whatever the case.
    const again = await contactWritesIn(workspace.id, { from: { email: 'ada@example.TEST' }, body: 'Also: the engine is loud.' })
    assert.equal(again.contact.id, first.contact.id)
    assert.isTrue(again.createdTicket)

    const created = await AnalyticsEvent.query().where('workspace_id', workspace.id).where('type', 'ticket_created')
    assert.lengthOf(created, 3)
  })

  test('a reply to a pending or resolved ticket reopens it; a closed ticket gets a follow-up ticket', async ({ assert }) => {
    const { workspace, members } = await helpdeskWorkspace()
    const { ticket } = await contactWritesIn(workspace.id)
    await new UpdateTicket().handle({ workspaceId: workspace.id, ticketId: ticket.id, actorUserId: members.agent.id, changes: { status: 'pending' } })
    const reply = await contactWritesIn(workspace.id, { contactId: ticket.contactId, ticketId: ticket.id, body: 'Any news?' })
    assert.isFalse(reply.createdTicket)
    assert.equal((await Ticket.findOrFail(ticket.id)).status, 'open')

    await new UpdateTicket().handle({ workspaceId: workspace.id, ticketId: ticket.id, actorUserId: members.agent.id, changes: { status: 'closed' } })
    const followUp = await contactWritesIn(workspace.id, { contactId: ticket.contactId, ticketId: ticket.id, body: 'Me again' })
    assert.isTrue(followUp.createdTicket)
    assert.notEqual(followUp.ticket.id, ticket.id)
    assert.equal((await Ticket.findOrFail(ticket.id)).status, 'closed')
  })

  test('the first agent reply records the first response; notes record nothing and never reach the contact', async ({ assert }) => {
    const { workspace, members } = await helpdeskWorkspace()
    const { ticket } = await contactWritesIn(workspace.id)
    const sent: string[] = []
    const stop = emitter.on('helpdesk:message_sent', (event) => {
      sent.push(event.messageId)
    })
    try {
      const note = await new AddTicketMessage().handle({ workspaceId: workspace.id, ticketId: ticket.id, authorUserId: members.agent.id, kind: 'note', body: 'SECRET internal remark' })
      assert.isNull((await Ticket.findOrFail(ticket.id)).firstResponseAt, 'a note is not a response')
      const reply = await new AddTicketMessage().handle({ workspaceId: workspace.id, ticketId: ticket.id, authorUserId: members.agent.id, kind: 'outbound', body: 'We are on it.' })
      await new AddTicketMessage().handle({ workspaceId: workspace.id, ticketId: ticket.id, authorUserId: members.agent.id, kind: 'outbound', body: 'Fixed.' })

      assert.deepEqual(sent.length, 2, 'only replies are handed to the channels')
      assert.notInclude(sent, note.id)
      assert.include(sent, reply.id)
    } finally {
      stop()
    }
    const reloaded = await Ticket.findOrFail(ticket.id)
    assert.isNotNull(reloaded.firstResponseAt)
    const events = await AnalyticsEvent.query().where('ticket_id', ticket.id).orderBy('occurred_at')
    assert.deepEqual(events.map((event) => event.type).sort(), ['first_response', 'message_sent', 'message_sent', 'ticket_created'])
    const firstResponse = events.find((event) => event.type === 'first_response')!
    assert.isAtLeast(firstResponse.value!, 0)
    assert.equal(firstResponse.agentUserId, members.agent.id)

    const transcript = contactTranscriptDto(await new GetTicketConversation().handle(workspace.id, ticket.id))
    assert.lengthOf(transcript.messages, 3)
    assert.notInclude(JSON.stringify(transcript), 'SECRET')
  })

  test('field edits carry the version the agent saw: a stale edit is refused with 409, nothing is lost', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const { ticket } = await contactWritesIn(workspace.id)
    const tag = await new SaveTag().handle({ workspaceId: workspace.id, name: 'billing' })

    const first = await asMember(client, members.agent, 'patch', `${base}/tickets/${ticket.id}`, { version: 1, priority: 'high', tagIds: [tag.id] })
    first.assertStatus(200)
    assert.equal(first.body().ticket.version, 2)

    // A second agent still looking at version 1
    const stale = await asMember(client, members.admin, 'patch', `${base}/tickets/${ticket.id}`, { version: 1, priority: 'low' })
    stale.assertStatus(409)
    assert.match(stale.body().message, /changed by someone else/)
    const reloaded = await Ticket.findOrFail(ticket.id)
    assert.equal(reloaded.priority, 'high', 'the first agent’s change stands')
    assert.equal(reloaded.version, 2)

    // Messages are appends: both agents' replies are kept whatever the version
    await asMember(client, members.agent, 'post', `${base}/tickets/${ticket.id}/messages`, { kind: 'outbound', body: 'Reply from agent' }).then((r) => r.assertStatus(201))
    await asMember(client, members.admin, 'post', `${base}/tickets/${ticket.id}/messages`, { kind: 'outbound', body: 'Reply from admin' }).then((r) => r.assertStatus(201))
    const bodies = (await TicketMessage.query().where('ticket_id', ticket.id)).map((message) => message.body)
    assert.includeMembers(bodies, ['Reply from agent', 'Reply from admin'])

    // As a page form, the 409 comes back as a message on the page
    const page = await client
      .patch(`${base}/tickets/${ticket.id}`)
      .loginAs(members.admin)
      .withCsrfToken()
      .header('referer', `${base}/inbox/${ticket.id}`)
      .form({ version: 1, priority: 'low' })
      .redirects(0)
    page.assertStatus(302)
    page.assertFlashMessage('error', `#${ticket.number} was changed by someone else while you were looking at it. Reload to see their changes, then apply yours again.`)
  })

  test('snoozing needs a wake time in the future (422 otherwise); the wake job reopens it', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const { ticket } = await contactWritesIn(workspace.id)
    const past = await asMember(client, members.agent, 'patch', `${base}/tickets/${ticket.id}`, {
      version: 1,
      status: 'snoozed',
      snoozedUntil: DateTime.now().minus({ hours: 1 }).toISO(),
    })
    past.assertStatus(422)
    past.assertBodyContains({ message: 'The snooze time is in the past. Choose a time in the future.' })
    const missing = await asMember(client, members.agent, 'patch', `${base}/tickets/${ticket.id}`, { version: 1, status: 'snoozed' })
    missing.assertStatus(422)
    const garbage = await asMember(client, members.agent, 'patch', `${base}/tickets/${ticket.id}`, { version: 1, snoozedUntil: 'next tuesday-ish' })
    garbage.assertStatus(422)

    const wake = DateTime.now().plus({ minutes: 30 })
    const ok = await asMember(client, members.agent, 'patch', `${base}/tickets/${ticket.id}`, { version: 1, snoozedUntil: wake.toISO() })
    ok.assertStatus(200)
    assert.equal(ok.body().ticket.status, 'snoozed')

    assert.equal(await new WakeSnoozedTickets().handle(new Date()), 0, 'not yet')
    assert.equal(await new WakeSnoozedTickets().handle(wake.plus({ minutes: 1 }).toJSDate()), 1)
    const woken = await Ticket.findOrFail(ticket.id)
    assert.equal(woken.status, 'open')
    assert.isNull(woken.snoozedUntil)
    assert.equal(woken.version, 3)
  })

  test('custom field values are checked against their definition; a 422 names the field', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    await new SaveCustomField().handle({ workspaceId: workspace.id, label: 'Order number', type: 'number', required: true })
    await new SaveCustomField().handle({ workspaceId: workspace.id, label: 'Plan', type: 'select', options: ['Free', 'Pro'] })
    await new SaveCustomField().handle({ workspaceId: workspace.id, label: 'Renewal', type: 'date' })
    await new SaveCustomField().handle({ workspaceId: workspace.id, label: 'Areas', type: 'multi_select', options: ['api', 'ui'] })
    await new SaveCustomField().handle({ workspaceId: workspace.id, label: 'VIP', type: 'checkbox' })
    const { ticket } = await contactWritesIn(workspace.id)
    const patch = (customValues: Record<string, unknown>, version = 1) =>
      asMember(client, members.agent, 'patch', `${base}/tickets/${ticket.id}`, { version, customValues })

    const cases: [Record<string, unknown>, string][] = [
      [{ order_number: 'abc' }, 'Order number must be a number.'],
      [{ plan: 'Gold' }, 'Plan must be one of: Free, Pro.'],
      [{ renewal: '31/12/2026' }, 'Renewal must be a date (YYYY-MM-DD).'],
      [{ areas: ['api', 'billing'] }, 'Areas accepts only: api, ui.'],
      [{ vip: 'maybe' }, 'VIP must be checked or unchecked.'],
      [{ nope: 1 }, 'There is no custom field “nope” in this workspace.'],
    ]
    for (const [values, message] of cases) {
      const response = await patch(values)
      response.assertStatus(422)
      response.assertBodyContains({ message })
    }

    // Required fields block resolving until filled
    const resolve = await asMember(client, members.agent, 'patch', `${base}/tickets/${ticket.id}`, { version: 1, status: 'resolved' })
    resolve.assertStatus(422)
    resolve.assertBodyContains({ message: 'Order number is required before the ticket can be resolved.' })

    const ok = await patch({ order_number: '48213', plan: 'Pro', renewal: '2026-12-31', areas: ['ui', 'api'], vip: true })
    ok.assertStatus(200)
    assert.deepEqual((await Ticket.findOrFail(ticket.id)).customValues, { order_number: 48213, plan: 'Pro', renewal: '2026-12-31', areas: ['ui', 'api'], vip: true })
    const stored = await db.from('tickets').where('id', ticket.id).firstOrFail()
    assert.notInclude(stored.custom_values, '48213', 'custom values are sealed')

    const resolved = await asMember(client, members.agent, 'patch', `${base}/tickets/${ticket.id}`, { version: 2, status: 'resolved' })
    resolved.assertStatus(200)
  })

  test('assignment, team and tags are checked against the workspace; changes are recorded as activities', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const other = await helpdeskWorkspace()
    const { ticket } = await contactWritesIn(workspace.id)
    const foreignTag = await new SaveTag().handle({ workspaceId: other.workspace.id, name: 'foreign' })
    const foreignTeam = await new SaveTeam().handle({ workspaceId: other.workspace.id, name: 'Foreign team' })
    for (const body of [{ tagIds: [foreignTag.id] }, { teamId: foreignTeam.id }, { assigneeUserId: other.members.agent.id }, { assigneeUserId: members.privacy.id }]) {
      const response = await asMember(client, members.agent, 'patch', `${base}/tickets/${ticket.id}`, { version: 1, ...body })
      response.assertStatus(422)
    }
    const team = await new SaveTeam().handle({ workspaceId: workspace.id, name: 'Billing' })
    const response = await asMember(client, members.agent, 'patch', `${base}/tickets/${ticket.id}`, { version: 1, assigneeUserId: members.agent.id, teamId: team.id })
    response.assertStatus(200)
    const actions = (await HelpdeskActivity.query().where('ticket_id', ticket.id)).map((activity) => activity.action)
    assert.includeMembers(actions, ['ticket.created', 'ticket.assigned', 'ticket.team_changed'])
  })

  test('resolving records the time open; a closed ticket can no longer be changed or answered', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const { ticket } = await contactWritesIn(workspace.id)
    await asMember(client, members.agent, 'patch', `${base}/tickets/${ticket.id}`, { version: 1, status: 'resolved' }).then((r) => r.assertStatus(200))
    const resolved = await AnalyticsEvent.query().where('ticket_id', ticket.id).where('type', 'ticket_resolved').firstOrFail()
    assert.isAtLeast(resolved.value!, 0)
    assert.isNotNull((await Ticket.findOrFail(ticket.id)).resolvedAt)

    await asMember(client, members.agent, 'patch', `${base}/tickets/${ticket.id}`, { version: 2, status: 'closed' }).then((r) => r.assertStatus(200))
    const change = await asMember(client, members.agent, 'patch', `${base}/tickets/${ticket.id}`, { version: 3, priority: 'urgent' })
    change.assertStatus(422)
    const reply = await asMember(client, members.agent, 'post', `${base}/tickets/${ticket.id}/messages`, { kind: 'outbound', body: 'Hello?' })
    reply.assertStatus(422)
    reply.assertBodyContains({ message: `#${ticket.number} is closed. Open a new ticket to write to this contact again.` })
  })

  test('bulk actions assign, tag and set status on many tickets at once, all or nothing', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const tickets = []
    for (let index = 0; index < 3; index++) tickets.push((await contactWritesIn(workspace.id)).ticket)
    const ids = tickets.map((ticket) => ticket.id)
    const tag = await new SaveTag().handle({ workspaceId: workspace.id, name: 'outage' })

    await asMember(client, members.agent, 'post', `${base}/tickets/bulk`, { ticketIds: ids, action: 'assign', assigneeUserId: members.agent.id }).then((r) => r.assertStatus(200))
    await asMember(client, members.agent, 'post', `${base}/tickets/bulk`, { ticketIds: ids, action: 'tag', tagIds: [tag.id] }).then((r) => r.assertStatus(200))
    await asMember(client, members.agent, 'post', `${base}/tickets/bulk`, { ticketIds: ids.slice(0, 2), action: 'status', status: 'pending' }).then((r) => r.assertStatus(200))

    const reloaded = await Ticket.query().whereIn('id', ids).preload('tags').orderBy('number')
    assert.isTrue(reloaded.every((ticket) => ticket.assigneeUserId === members.agent.id))
    assert.isTrue(reloaded.every((ticket) => ticket.tags.map((t) => t.id).includes(tag.id)))
    assert.deepEqual(reloaded.map((ticket) => ticket.status), ['pending', 'pending', 'open'])

    // All or nothing: one required field missing stops the whole bulk resolve
    await new SaveCustomField().handle({ workspaceId: workspace.id, label: 'Cause', type: 'text', required: true })
    await new UpdateTicket().handle({ workspaceId: workspace.id, ticketId: ids[0], actorUserId: members.agent.id, changes: { customValues: { cause: 'disk full' } } })
    const blocked = await asMember(client, members.agent, 'post', `${base}/tickets/bulk`, { ticketIds: ids, action: 'status', status: 'resolved' })
    blocked.assertStatus(422)
    assert.equal((await Ticket.findOrFail(ids[0])).status, 'pending', 'the first ticket was not resolved either')

    const invalid = await asMember(client, members.agent, 'post', `${base}/tickets/bulk`, { ticketIds: ids, action: 'status' })
    invalid.assertStatus(422)
  })

  test('agents open tickets to a contact by email; the contact is created when new', async ({ client, assert }) => {
    const { members, base, workspace } = await helpdeskWorkspace()
    const response = await asMember(client, members.agent, 'post', `${base}/tickets`, {
      contactEmail: 'new.person@example.test',
      contactName: 'New Person',
      subject: 'Your order',
      body: 'Your order has shipped.',
    })
    response.assertStatus(201)
    const ticket = await Ticket.query().where('id', response.body().id).preload('messages').firstOrFail()
    assert.equal(ticket.workspaceId, workspace.id)
    assert.equal(ticket.messages[0].kind, 'outbound')
    const missing = await asMember(client, members.agent, 'post', `${base}/tickets`, { subject: 'x', body: 'y' })
    missing.assertStatus(422)
  })
})
