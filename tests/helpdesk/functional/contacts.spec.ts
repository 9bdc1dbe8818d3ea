import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Contact from '#helpdesk/models/contact'
import Ticket from '#helpdesk/models/ticket'
import TicketMessage from '#helpdesk/models/ticket_message'
import TicketAttachment from '#helpdesk/models/ticket_attachment'
import AnalyticsEvent from '#helpdesk/models/analytics_event'
import HelpdeskActivity from '#helpdesk/models/helpdesk_activity'
import CreateContact from '#helpdesk/actions/create_contact'
import AddTicketMessage from '#helpdesk/actions/add_ticket_message'
import ReadAttachment from '#helpdesk/actions/read_attachment'
import ListTickets from '#helpdesk/actions/list_tickets'
import { findContactByExternalId, findContactByPhone } from '#helpdesk/services/contact_lookup'
import { asMember, contactWritesIn, helpdeskGroup, helpdeskWorkspace } from '#tests/helpdesk/fixtures'

test.group('Contacts', (group) => {
  helpdeskGroup(group)

  test('contacts are created with sealed details and found by email, phone and external id', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const response = await asMember(client, members.agent, 'post', `${base}/contacts`, {
      name: 'Grace Hopper',
      email: 'grace@navy.test',
      phone: '+1 (202) 555-0100',
      traits: { plan: 'pro', seats: 12, beta: true },
      externalIds: [{ system: 'CRM', value: 'cus_4711' }],
    })
    response.assertStatus(201)
    const id = response.body().id
    const row = await db.from('contacts').where('id', id).firstOrFail()
    for (const column of ['name', 'email', 'phone', 'traits']) {
      assert.match(row[column], /^vd1:s\d+:/, `${column} is sealed with the contact's key`)
    }
    assert.notInclude(JSON.stringify(row).toLowerCase(), 'grace')
    assert.equal((await findContactByPhone(workspace.id, '+12025550100'))!.id, id)
    assert.equal((await findContactByExternalId(workspace.id, { system: 'crm', value: 'cus_4711' }))!.id, id)
    const contact = await Contact.findOrFail(id)
    assert.deepEqual(contact.traits, { plan: 'pro', seats: 12, beta: true })

    const duplicate = await asMember(client, members.agent, 'post', `${base}/contacts`, { email: 'GRACE@navy.test' })
    duplicate.assertStatus(422)
    duplicate.assertBodyContains({ message: 'Another contact already has this email address. Merge the two contacts instead.' })
    const nested = await asMember(client, members.agent, 'post', `${base}/contacts`, { email: 'x@y.test', traits: { address: { city: 'Paris' } } })
    nested.assertStatus(422)
    const empty = await asMember(client, members.agent, 'post', `${base}/contacts`, {})
    empty.assertStatus(422)

    const list = await client.get(`${base}/contacts?q=grace@navy.test`).loginAs(members.privacy).withInertia()
    list.assertInertiaComponent('helpdesk/contacts/index')
    assert.deepEqual((list.inertiaProps as any).contacts.map((c: any) => c.email), ['grace@navy.test'])
    assert.notProperty((list.inertiaProps as any).contacts[0], 'emailIndex')
  })

  test('the contact page shows their details and tickets; agents update them', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const { contact } = await contactWritesIn(workspace.id, { from: { email: 'kim@example.test', name: 'Kim' } })
    await contactWritesIn(workspace.id, { contactId: contact.id, subject: 'Second question' })
    const page = await client.get(`${base}/contacts/${contact.id}`).loginAs(members.agent).withInertia()
    page.assertStatus(200)
    page.assertInertiaComponent('helpdesk/contacts/show')
    const props = page.inertiaProps as any
    assert.equal(props.contact.email, 'kim@example.test')
    assert.lengthOf(props.tickets, 2)

    const update = await asMember(client, members.agent, 'put', `${base}/contacts/${contact.id}`, {
      name: 'Kim Park',
      email: 'kim@example.test',
      phone: '030 1234567',
      externalIds: [{ system: 'shop', value: 'u-1' }],
    })
    update.assertStatus(200)
    const reloaded = await Contact.findOrFail(contact.id)
    assert.equal(reloaded.name, 'Kim Park')
    assert.equal(reloaded.phone, '030 1234567')
  })

  test('merging moves the whole history to the contact that stays, resealed, and records it', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const keep = await new CreateContact().handle(workspace.id, { name: 'Sam Taylor', email: 'sam@work.test' })
    const duplicate = await contactWritesIn(workspace.id, {
      from: { email: 'sam.taylor@home.test', phone: '+44 20 7946 0000', externalId: { system: 'shop', value: 'S-1' } },
      subject: 'Invoice missing',
      body: 'Where is my invoice?',
      attachments: [{ filename: 'receipt.txt', bytes: Buffer.from('receipt 42 euros') }],
    })
    await new AddTicketMessage().handle({ workspaceId: workspace.id, ticketId: duplicate.ticket.id, authorUserId: members.agent.id, kind: 'note', body: 'Duplicate of Sam' })

    const response = await asMember(client, members.agent, 'post', `${base}/contacts/${keep.id}/merge`, { sourceContactId: duplicate.contact.id })
    response.assertStatus(200)
    assert.deepInclude(response.body().moved, { tickets: 1, messages: 2, attachments: 1, externalIds: 1 })

    assert.isNull(await Contact.find(duplicate.contact.id), 'the duplicate is gone')
    const ticket = await Ticket.findOrFail(duplicate.ticket.id)
    assert.equal(ticket.contactId, keep.id)
    assert.equal(ticket.subject, 'Invoice missing', 'resealed under the kept contact’s key and readable')
    const messages = await TicketMessage.query().where('ticket_id', ticket.id)
    assert.isTrue(messages.every((message) => message.contactId === keep.id))
    assert.includeMembers(messages.map((message) => message.body), ['Where is my invoice?', 'Duplicate of Sam'])
    const attachment = await TicketAttachment.query().where('ticket_id', ticket.id).firstOrFail()
    const { bytes } = await new ReadAttachment().handle(workspace.id, ticket.id, attachment.id)
    assert.equal(bytes.toString(), 'receipt 42 euros')

    const merged = await Contact.findOrFail(keep.id)
    assert.equal(merged.email, 'sam@work.test', 'the kept contact keeps its own email')
    assert.equal(merged.phone, '+44 20 7946 0000', 'and takes the phone it lacked')
    assert.equal((await findContactByExternalId(workspace.id, { system: 'shop', value: 'S-1' }))!.id, keep.id)
    assert.lengthOf(await AnalyticsEvent.query().where('contact_id', duplicate.contact.id), 0)
    assert.isAbove((await AnalyticsEvent.query().where('contact_id', keep.id)).length, 0)
    const searched = await new ListTickets().handle(workspace.id, { q: 'invoice' }, { viewerUserId: members.agent.id })
    assert.deepEqual(searched.all().map((found) => found.id), [ticket.id])

    const activity = await HelpdeskActivity.query().where('action', 'contact.merged').firstOrFail()
    assert.equal(activity.actorUserId, members.agent.id)
    assert.deepInclude(activity.details, { sourceContactId: duplicate.contact.id, targetContactId: keep.id, tickets: 1 })
    assert.notInclude(JSON.stringify(activity.details), 'sam', 'the audit record holds ids and counts only')
    const audited = await db.from('audit_entries').where('workspace_id', workspace.id).where('action', 'contact.merged').firstOrFail()
    assert.equal(audited.target_id, keep.id)
    assert.equal(audited.actor_id, members.agent.id)

    const self = await asMember(client, members.agent, 'post', `${base}/contacts/${keep.id}/merge`, { sourceContactId: keep.id })
    self.assertStatus(422)
  })

  test('contacts under restriction produce no analytics events, and a merge keeps the restriction', async ({ assert }) => {
    const { workspace, members } = await helpdeskWorkspace()
    const restricted = await new CreateContact().handle(workspace.id, { email: 'quiet@example.test' })
    restricted.processingRestrictedAt = DateTime.now()
    await restricted.save()
    const { ticket } = await contactWritesIn(workspace.id, { contactId: restricted.id })
    await new AddTicketMessage().handle({ workspaceId: workspace.id, ticketId: ticket.id, authorUserId: members.agent.id, kind: 'outbound', body: 'Hi' })
    assert.lengthOf(await AnalyticsEvent.query().where('contact_id', restricted.id), 0)

    const other = await contactWritesIn(workspace.id)
    const { default: MergeContacts } = await import('#helpdesk/actions/merge_contacts')
    await new MergeContacts().handle({ workspaceId: workspace.id, targetContactId: other.contact.id, sourceContactId: restricted.id, actorUserId: members.agent.id })
    assert.isNotNull((await Contact.findOrFail(other.contact.id)).processingRestrictedAt)
  })
})
