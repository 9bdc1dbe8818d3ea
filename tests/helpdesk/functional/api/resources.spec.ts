import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { workspaceWithEveryRole } from '#tests/helpers/identity'
import Tag from '#helpdesk/models/tag'
import Team from '#helpdesk/models/team'
import CreateContact from '#helpdesk/actions/create_contact'
import CreateTicket from '#helpdesk/actions/create_ticket'
import { call, tokenFor } from '#tests/helpdesk/functional/api/api_fixtures'

test.group('API: contacts', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('create, read, list, find by email and update a contact; values are encrypted at rest', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const { secret } = await tokenFor(workspace, members.owner, ['contacts:read', 'contacts:write'])

    const created = await call(client, 'post', '/api/v1/contacts', secret, {
      name: 'Ada Lovelace',
      email: 'Ada@Example.test',
      phone: '+44 20 7946 0000',
      traits: { plan: 'pro', seats: 3 },
      external_ids: [{ system: 'CRM', value: 'c-42' }],
    })
    created.assertStatus(201)
    const contact = created.body().data
    assert.include(contact, { name: 'Ada Lovelace', email: 'Ada@Example.test', phone: '+44 20 7946 0000', processing_restricted: false, erased: false })
    assert.deepEqual(contact.traits, { plan: 'pro', seats: 3 })
    assert.deepEqual(contact.external_ids, [{ system: 'crm', value: 'c-42' }])
    const stored = await db.from('contacts').where('id', contact.id).firstOrFail()
    for (const column of ['name', 'email', 'phone', 'traits']) assert.match(stored[column], /^vd1:/, `${column} is sealed`)

    const shown = await call(client, 'get', `/api/v1/contacts/${contact.id}`, secret)
    shown.assertStatus(200)
    assert.deepEqual(shown.body().data, contact)

    await new CreateContact().handle(workspace.id, { name: 'Someone else', email: 'other@example.test' })
    const listed = await call(client, 'get', '/api/v1/contacts?per_page=1', secret)
    assert.deepEqual(listed.body().meta, { page: 1, per_page: 1, total: 2, last_page: 2 })
    const found = await call(client, 'get', '/api/v1/contacts?q=ada@example.test', secret)
    assert.deepEqual(found.body().data.map((row: any) => row.id), [contact.id], 'found through the blind index, case-insensitively')

    const updated = await call(client, 'patch', `/api/v1/contacts/${contact.id}`, secret, { phone: null, traits: { plan: 'enterprise' } })
    updated.assertStatus(200)
    assert.include(updated.body().data, { name: 'Ada Lovelace', email: 'Ada@Example.test', phone: null })
    assert.deepEqual(updated.body().data.traits, { plan: 'enterprise' })
    assert.deepEqual(updated.body().data.external_ids, [{ system: 'crm', value: 'c-42' }], 'left out: kept')
  })

  test('validation answers 422 naming the field; refusals of the action name theirs', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const { secret } = await tokenFor(workspace, members.owner)
    const badEmail = await call(client, 'post', '/api/v1/contacts', secret, { name: 'X', email: 'not-an-email' })
    badEmail.assertStatus(422)
    assert.equal(badEmail.body().code, 'E_VALIDATION_ERROR')
    assert.equal(badEmail.body().errors[0].field, 'email')
    assert.match(badEmail.body().message, /email/)

    const empty = await call(client, 'post', '/api/v1/contacts', secret, {})
    empty.assertStatus(422)
    assert.include(empty.body(), { field: 'name', message: 'Give the contact at least a name, an email address or a phone number.' })

    await call(client, 'post', '/api/v1/contacts', secret, { email: 'taken@example.test' })
    const duplicate = await call(client, 'post', '/api/v1/contacts', secret, { email: 'TAKEN@example.test' })
    duplicate.assertStatus(422)
    assert.equal(duplicate.body().field, 'email')

    const badList = await call(client, 'get', '/api/v1/contacts?per_page=1000', secret)
    badList.assertStatus(422)
    assert.equal(badList.body().errors[0].field, 'per_page')

    const brokenJson = await client.post('/api/v1/contacts').header('authorization', `Bearer ${secret}`).header('content-type', 'application/json').accept('json').json('{"name":' as any)
    assert.isBelow(brokenJson.status(), 500)
    assert.isString(brokenJson.body().message)
  })
})

test.group('API: tickets and messages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a ticket is opened for a new sender through the inbox actions, then read, listed and updated', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const { secret } = await tokenFor(workspace, members.owner)
    const billing = await Tag.create({ workspaceId: workspace.id, name: 'billing', color: 'red' })
    const team = await Team.create({ workspaceId: workspace.id, name: 'Tier 2' })

    const created = await call(client, 'post', '/api/v1/tickets', secret, {
      contact: { email: 'grace@example.test', name: 'Grace Hopper' },
      subject: 'Invoice missing',
      body: 'I did not get my March invoice.',
      priority: 'high',
      tag_ids: [billing.id],
      team_id: team.id,
    })
    created.assertStatus(201)
    const ticket = created.body().data
    assert.include(ticket, { subject: 'Invoice missing', status: 'open', priority: 'high', channel: 'api', team_id: team.id, assignee_id: null, version: 1 })
    assert.deepEqual(ticket.tags, [{ id: billing.id, name: 'billing' }])
    assert.include(ticket.contact, { name: 'Grace Hopper', email: 'grace@example.test' })
    assert.isAbove(ticket.number, 0)
    const [event] = await db.from('analytics_events').where('workspace_id', workspace.id).where('ticket_id', ticket.id).where('type', 'ticket_created')
    assert.equal(event.channel, 'api', 'the same action as the inbox records the analytics event')

    const again = await call(client, 'post', '/api/v1/tickets', secret, { contact: { email: 'GRACE@example.test' }, subject: 'Second', body: 'Again' })
    assert.equal(again.body().data.contact_id, ticket.contact_id, 'the known sender is found, not duplicated')

    const shown = await call(client, 'get', `/api/v1/tickets/${ticket.id}`, secret)
    assert.deepEqual(shown.body().data, ticket)

    const listed = await call(client, 'get', `/api/v1/tickets?tag_id=${billing.id}&status=open`, secret)
    assert.deepEqual(listed.body().data.map((row: any) => row.id), [ticket.id])

    const assigned = await call(client, 'patch', `/api/v1/tickets/${ticket.id}`, secret, { version: 1, assignee_id: members.agent.id, status: 'pending' })
    assigned.assertStatus(200)
    assert.include(assigned.body().data, { assignee_id: members.agent.id, status: 'pending', version: 2 })
    const mine = await call(client, 'get', `/api/v1/tickets?assignee_id=${members.agent.id}&status=pending`, secret)
    assert.deepEqual(mine.body().data.map((row: any) => row.id), [ticket.id])

    const stale = await call(client, 'patch', `/api/v1/tickets/${ticket.id}`, secret, { version: 1, priority: 'low' })
    stale.assertStatus(409)
    assert.equal(stale.body().code, 'E_STALE_TICKET')
  })

  test('messages: an agent reply records the first response; inbound reopens; notes stay internal; list oldest first', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const { secret } = await tokenFor(workspace, members.owner, ['tickets:read', 'tickets:write'])
    const contact = await new CreateContact().handle(workspace.id, { email: 'linus@example.test' })
    const { ticket } = await new CreateTicket().handle({ workspaceId: workspace.id, contactId: contact.id, subject: 'Crash', body: 'It crashes.', actorUserId: null })

    const reply = await call(client, 'post', `/api/v1/tickets/${ticket.id}/messages`, secret, { kind: 'outbound', body: 'Fixed in 2.1', author_id: members.agent.id })
    reply.assertStatus(201)
    assert.include(reply.body().data, { kind: 'outbound', body: 'Fixed in 2.1', author_id: members.agent.id, ticket_id: ticket.id })
    const firstResponse = await db.from('analytics_events').where('ticket_id', ticket.id).where('type', 'first_response').first()
    assert.equal(firstResponse.agent_user_id, members.agent.id)

    await call(client, 'post', `/api/v1/tickets/${ticket.id}/messages`, secret, { kind: 'note', body: 'Customer is on 2.0', author_id: members.agent.id })
    await call(client, 'patch', `/api/v1/tickets/${ticket.id}`, secret, { status: 'resolved' })
    const inbound = await call(client, 'post', `/api/v1/tickets/${ticket.id}/messages`, secret, { kind: 'inbound', body: 'Still broken' })
    inbound.assertStatus(201)
    const reopened = await call(client, 'get', `/api/v1/tickets/${ticket.id}`, secret)
    assert.equal(reopened.body().data.status, 'open')

    const messages = await call(client, 'get', `/api/v1/tickets/${ticket.id}/messages`, secret)
    messages.assertStatus(200)
    assert.deepEqual(
      messages.body().data.map((message: any) => [message.kind, message.body]),
      [['inbound', 'It crashes.'], ['outbound', 'Fixed in 2.1'], ['note', 'Customer is on 2.0'], ['inbound', 'Still broken']]
    )
    const notes = await call(client, 'get', `/api/v1/tickets/${ticket.id}/messages?kind=note`, secret)
    assert.lengthOf(notes.body().data, 1)
    const stored = await db.from('ticket_messages').where('ticket_id', ticket.id)
    for (const row of stored) assert.match(row.body, /^vd1:/)

    const noAuthor = await call(client, 'post', `/api/v1/tickets/${ticket.id}/messages`, secret, { kind: 'outbound', body: 'Hi' })
    noAuthor.assertStatus(422)
    assert.equal(noAuthor.body().errors[0].field, 'author_id')
  })

  test("another workspace's ids answer 404, and as references they are refused naming the field", async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const other = await workspaceWithEveryRole()
    const { secret } = await tokenFor(workspace, members.owner)
    const theirContact = await new CreateContact().handle(other.workspace.id, { email: 'theirs@example.test' })
    const { ticket: theirTicket } = await new CreateTicket().handle({ workspaceId: other.workspace.id, contactId: theirContact.id, subject: 'x', body: 'y', actorUserId: null })
    const theirTag = await Tag.create({ workspaceId: other.workspace.id, name: 'theirs', color: 'gray' })

    for (const [method, url, body] of [
      ['get', `/api/v1/contacts/${theirContact.id}`],
      ['patch', `/api/v1/contacts/${theirContact.id}`, { name: 'Hijacked' }],
      ['get', `/api/v1/tickets/${theirTicket.id}`],
      ['patch', `/api/v1/tickets/${theirTicket.id}`, { status: 'closed' }],
      ['get', `/api/v1/tickets/${theirTicket.id}/messages`],
      ['post', `/api/v1/tickets/${theirTicket.id}/messages`, { kind: 'inbound', body: 'x' }],
      ['get', '/api/v1/tickets/not-a-uuid'],
    ] as const) {
      const response = await call(client, method, url, secret, body)
      assert.equal(response.status(), 404, `${method} ${url}`)
      assert.isString(response.body().message)
    }

    const myContact = await new CreateContact().handle(workspace.id, { email: 'mine@example.test' })
    const refused = async (body: object, field: string) => {
      const response = await call(client, 'post', '/api/v1/tickets', secret, { subject: 's', body: 'b', ...body })
      response.assertStatus(422)
      assert.equal(response.body().errors[0].field, field)
    }
    await refused({ contact_id: theirContact.id }, 'contact_id')
    await refused({ contact_id: myContact.id, tag_ids: [theirTag.id] }, 'tag_ids.0')
    await refused({ contact_id: myContact.id, assignee_id: other.members.agent.id }, 'assignee_id')
    await refused({ contact_id: myContact.id, assignee_id: members.privacy.id }, 'assignee_id')

    const theirs = await db.from('tickets').where('id', theirTicket.id).firstOrFail()
    assert.equal(theirs.status, 'open')
    assert.equal(await db.from('tickets').where('workspace_id', workspace.id).count('* as total').then(([row]) => Number(row.total)), 0)
  })
})
