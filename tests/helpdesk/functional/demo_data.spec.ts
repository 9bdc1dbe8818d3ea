import { test } from '@japa/runner'
import Ticket from '#helpdesk/models/ticket'
import Contact from '#helpdesk/models/contact'
import { seedHelpdeskDemo } from '#helpdesk/index'
import { helpdeskGroup, helpdeskWorkspace } from '#tests/helpdesk/fixtures'

test.group('Helpdesk demo data', (group) => {
  helpdeskGroup(group)

  test('seeds a few conversations the inbox can show, once', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    await seedHelpdeskDemo(workspace.id)
    await seedHelpdeskDemo(workspace.id)
    assert.lengthOf(await Contact.query().where('workspace_id', workspace.id), 6)
    const tickets = await Ticket.query().where('workspace_id', workspace.id)
    assert.lengthOf(tickets, 6)
    assert.includeMembers(tickets.map((ticket) => ticket.status), ['open', 'pending', 'snoozed'])
    const inbox = await client.get(`${base}/inbox`).loginAs(members.agent).withInertia()
    assert.isAbove((inbox.inertiaProps as any).tickets.length, 2)
  })
})
