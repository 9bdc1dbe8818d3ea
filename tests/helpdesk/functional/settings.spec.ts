import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Tag from '#helpdesk/models/tag'
import Team from '#helpdesk/models/team'
import CustomField from '#helpdesk/models/custom_field'
import CannedReply from '#helpdesk/models/canned_reply'
import HelpdeskSettings from '#helpdesk/models/helpdesk_settings'
import { asMember, contactWritesIn, helpdeskGroup, helpdeskWorkspace } from '#tests/helpdesk/fixtures'

test.group('Helpdesk settings', (group) => {
  helpdeskGroup(group)

  test('admins define tags, teams, custom fields, canned replies and CSAT settings', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const admin = members.admin
    const page = await client.get(`${base}/helpdesk/settings`).loginAs(admin).withInertia()
    page.assertInertiaComponent('helpdesk/settings')

    const tag = await asMember(client, admin, 'post', `${base}/helpdesk/tags`, { name: 'Bug', color: 'red' })
    tag.assertStatus(201)
    ;(await asMember(client, admin, 'post', `${base}/helpdesk/tags`, { name: 'bug' })).assertStatus(422)
    ;(await asMember(client, admin, 'put', `${base}/helpdesk/tags/${tag.body().id}`, { name: 'Defect', color: 'orange' })).assertStatus(200)
    assert.equal((await Tag.findOrFail(tag.body().id)).name, 'Defect')

    const team = await asMember(client, admin, 'post', `${base}/helpdesk/teams`, { name: 'Billing' })
    team.assertStatus(201)
    ;(await asMember(client, admin, 'delete', `${base}/helpdesk/teams/${team.body().id}`)).assertStatus(200)
    assert.isNull(await Team.find(team.body().id))

    const field = await asMember(client, admin, 'post', `${base}/helpdesk/custom-fields`, { label: 'Order number', type: 'number', required: true })
    field.assertStatus(201)
    assert.equal((await CustomField.findOrFail(field.body().id)).key, 'order_number')
    ;(await asMember(client, admin, 'post', `${base}/helpdesk/custom-fields`, { label: 'Plan', type: 'select' })).assertStatus(422)
    ;(await asMember(client, admin, 'put', `${base}/helpdesk/custom-fields/${field.body().id}`, { label: 'Order no.', type: 'text' })).assertStatus(422)
    ;(await asMember(client, admin, 'put', `${base}/helpdesk/custom-fields/${field.body().id}`, { label: 'Order no.' })).assertStatus(200)

    const reply = await asMember(client, admin, 'post', `${base}/helpdesk/canned-replies`, {
      title: 'Greeting',
      body: 'Hi {{contact.name}}, about {{ticket.number}}: we are on it. {{agent.name}} {{unknown.thing}}',
    })
    reply.assertStatus(201)
    const stored = await db.from('canned_replies').where('id', reply.body().id).firstOrFail()
    assert.match(stored.body, /^vd1:w\d+:/, 'canned replies are sealed with the workspace key')

    const csat = await asMember(client, admin, 'put', `${base}/helpdesk/settings/csat`, { csatEnabled: false, csatQuestion: 'Happy?', csatLinkDays: 3 })
    csat.assertStatus(200)
    const settings = await HelpdeskSettings.findOrFail(workspace.id)
    assert.isFalse(settings.csatEnabled)
    assert.equal(settings.csatLinkDays, 3)

    // Agents fill a canned reply for a ticket, placeholders replaced
    const { ticket } = await contactWritesIn(workspace.id, { from: { email: 'mo@example.test', name: 'Mo' } })
    const rendered = await client.get(`${base}/tickets/${ticket.id}/canned-replies/${reply.body().id}`).loginAs(members.agent).accept('json')
    rendered.assertStatus(200)
    assert.equal(rendered.body().body, `Hi Mo, about #${ticket.number}: we are on it. ${members.agent.fullName} {{unknown.thing}}`)

    ;(await asMember(client, admin, 'delete', `${base}/helpdesk/canned-replies/${reply.body().id}`)).assertStatus(200)
    assert.isNull(await CannedReply.find(reply.body().id))
  })
})
