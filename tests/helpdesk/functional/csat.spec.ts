import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import CsatSurvey from '#helpdesk/models/csat_survey'
import AnalyticsEvent from '#helpdesk/models/analytics_event'
import Contact from '#helpdesk/models/contact'
import AddTicketMessage from '#helpdesk/actions/add_ticket_message'
import UpdateHelpdeskSettings from '#helpdesk/actions/update_helpdesk_settings'
import { smtpSink, type ReceivedMail } from '#tests/helpers/smtp_sink'
import { asMember, contactWritesIn, helpdeskGroup, helpdeskWorkspace } from '#tests/helpdesk/fixtures'

/** The path (with signature) of the link for a score in the survey mail. */
function linkFor(mail: ReceivedMail, score: number) {
  const match = mail.text.match(new RegExp(`^${score} – [^:]+: (\\S+)$`, 'm'))
  if (!match) throw new Error(`No link for score ${score}`)
  const url = new URL(match[1])
  return `${url.pathname}${url.search}`
}

test.group('CSAT surveys', (group) => {
  helpdeskGroup(group)

  async function resolvedTicket(client: any) {
    const context = await helpdeskWorkspace()
    const written = await contactWritesIn(context.workspace.id, { from: { email: 'rater@example.test', name: 'Rita Rater' } })
    await new AddTicketMessage().handle({ workspaceId: context.workspace.id, ticketId: written.ticket.id, authorUserId: context.members.agent.id, kind: 'note', body: 'NOTE: customer is grumpy' })
    const response = await asMember(client, context.members.agent, 'patch', `${context.base}/tickets/${written.ticket.id}`, { version: 1, status: 'resolved' })
    response.assertStatus(200)
    return { ...context, ...written }
  }

  test('resolving mails a one-click survey; a click records the score once, shown on the ticket', async ({ client, assert }) => {
    const { workspace, members, base, ticket } = await resolvedTicket(client)
    const mail = await smtpSink.lastTo('rater@example.test', /How did we do\?/)
    assert.include(mail.text, `request #${ticket.number}`)
    assert.include(mail.text, 'Hello Rita Rater,')
    assert.notInclude(mail.text + mail.html, 'grumpy', 'internal notes never reach the contact')
    assert.notInclude(mail.text, 'question number', 'the mail does not quote the conversation')

    const rate = await client.get(linkFor(mail, 4)).withInertia()
    rate.assertStatus(200)
    rate.assertInertiaComponent('helpdesk/csat')
    assert.deepInclude(rate.inertiaProps as any, { state: 'rated', score: 4, scoreLabel: 'Good', ticketNumber: ticket.number })
    assert.notInclude(JSON.stringify(rate.inertiaProps), 'grumpy')

    const survey = await CsatSurvey.query().where('ticket_id', ticket.id).firstOrFail()
    assert.equal(survey.score, 4)
    const event = await AnalyticsEvent.query().where('ticket_id', ticket.id).where('type', 'csat_rated').firstOrFail()
    assert.equal(event.value, 4)

    // Single use: any link of that mail is now spent
    const again = await client.get(linkFor(mail, 4))
    again.assertStatus(410)
    const other = await client.get(linkFor(mail, 1))
    other.assertStatus(410)
    assert.equal((await survey.refresh()).score, 4)

    // Optional comment, once
    const comment = await client.post((rate.inertiaProps as any).commentUrl).withCsrfToken().form({ comment: 'Quick and kind, thanks!' }).redirects(0)
    comment.assertStatus(302)
    comment.assertHeader('location', '/csat/thanks')
    const twice = await client.post((rate.inertiaProps as any).commentUrl).withCsrfToken().json({ comment: 'again' }).accept('json')
    twice.assertStatus(410)

    const inbox = await client.get(`${base}/inbox/${ticket.id}?status=all`).loginAs(members.agent).withInertia()
    assert.deepInclude((inbox.inertiaProps as any).selected.csat[0], { score: 4, comment: 'Quick and kind, thanks!' })
    assert.equal(workspace.id, survey.workspaceId)
  })

  test('a tampered or unsigned link answers 410 and records nothing', async ({ client, assert }) => {
    const { ticket } = await resolvedTicket(client)
    const mail = await smtpSink.lastTo('rater@example.test', /How did we do\?/)
    const link = linkFor(mail, 2)
    const otherScore = link.replace('/2?', '/5?')
    ;(await client.get(otherScore)).assertStatus(410)
    ;(await client.get(link.replace(/signature=[^&]+/, 'signature=forged'))).assertStatus(410)
    ;(await client.get(link.split('?')[0])).assertStatus(410)
    ;(await client.get('/csat/not-a-token/5')).assertStatus(410)
    const survey = await CsatSurvey.query().where('ticket_id', ticket.id).firstOrFail()
    assert.isNull(survey.score)
    ;(await client.get(link)).assertStatus(200)
  })

  test('an expired link answers 410', async ({ client }) => {
    const { ticket } = await resolvedTicket(client)
    const mail = await smtpSink.lastTo('rater@example.test', /How did we do\?/)
    await CsatSurvey.query().where('ticket_id', ticket.id).update({ expires_at: DateTime.now().minus({ minutes: 1 }).toSQL() })
    ;(await client.get(linkFor(mail, 5))).assertStatus(410)
  })

  test('no survey when CSAT is off or the contact restricted processing', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const restricted = await contactWritesIn(workspace.id, { from: { email: 'no-survey@example.test' } })
    await Contact.query().where('id', restricted.contact.id).update({ processing_restricted_at: DateTime.now().toSQL() })
    await asMember(client, members.agent, 'patch', `${base}/tickets/${restricted.ticket.id}`, { version: 1, status: 'resolved' }).then((r) => r.assertStatus(200))
    assert.lengthOf(await CsatSurvey.query().where('ticket_id', restricted.ticket.id), 0)
    assert.lengthOf(await AnalyticsEvent.query().where('contact_id', restricted.contact.id).where('type', 'ticket_resolved'), 0, 'no analytics once restricted')

    await new UpdateHelpdeskSettings().handle(workspace.id, { csatEnabled: false })
    const plain = await contactWritesIn(workspace.id)
    await asMember(client, members.agent, 'patch', `${base}/tickets/${plain.ticket.id}`, { version: 1, status: 'resolved' }).then((r) => r.assertStatus(200))
    assert.lengthOf(await CsatSurvey.query().where('ticket_id', plain.ticket.id), 0)
  })
})
