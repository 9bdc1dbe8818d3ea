import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { SaveConsentPurpose } from '#governance/index'
import { AddTicketMessage, Contact, Ticket, TicketMessage } from '#helpdesk/index'
import { AiRequest } from '#assistant/index'
import SaveWidget from '#channels/actions/save_widget'
import WidgetSession from '#channels/models/widget_session'
import WidgetAiAnswer from '#channels/models/widget_ai_answer'
import { NO_ANSWER_REPLY, AI_UNAVAILABLE_REPLY } from '#channels/actions/answer_widget_question'
import { userHashOf } from '#channels/services/widget_identity'
import { publishedArticle } from '#tests/channels/fixtures'
import { fakeAnthropic, knowledgeGroup, knowledgeWorkspace, withAnthropicKey } from '#tests/knowledge/fixtures'

const SITE = 'https://shop.example.test'
const ANALYTICS_TEXT = 'We may use anonymous analytics about this chat to improve our answers.'
const MARKETING_TEXT = 'We may email you news about our products. You can unsubscribe at any time.'

type Req = ReturnType<ApiClient['post']>

function fromSite(request: Req, token?: string, headers: Record<string, string> = {}) {
  let withOrigin = request.header('origin', SITE).accept('json')
  for (const [name, value] of Object.entries(headers)) withOrigin = withOrigin.header(name, value)
  return token ? withOrigin.header('authorization', `Bearer ${token}`) : withOrigin
}

async function consentWidget(workspaceId: string, options: { aiEnabled?: boolean; purposes?: string[] } = {}) {
  await new SaveConsentPurpose().handle({ workspaceId, key: 'analytics', name: 'Chat analytics', text: ANALYTICS_TEXT })
  await new SaveConsentPurpose().handle({ workspaceId, key: 'marketing', name: 'Product news', text: MARKETING_TEXT })
  return new SaveWidget().handle(workspaceId, {
    name: 'Support',
    color: '#4c6ef5',
    greeting: 'Hi!',
    allowedOrigins: [SITE],
    aiEnabled: options.aiEnabled ?? false,
    consentPurposes: options.purposes ?? ['analytics', 'marketing'],
  })
}

async function startSession(client: ApiClient, widgetId: string, headers: Record<string, string> = {}, body: Record<string, unknown> = {}) {
  const response = await fromSite(client.post(`/widget/${widgetId}/sessions`), undefined, headers).json(body)
  response.assertStatus(201)
  return response.body() as { token: string; sessionId: string; consent: { gpc: boolean; purposes: any[] }; widget: any }
}

const ledger = (workspaceId: string) => db.from('consent_events').where('workspace_id', workspaceId).orderBy('id')

test.group('Widget: consent', (group) => {
  knowledgeGroup(group)

  test('admins choose the purposes to ask for among the workspace’s purposes; unknown ones are refused', async ({ client, assert }) => {
    const { workspace, members, base } = await knowledgeWorkspace()
    await consentWidget(workspace.id, { purposes: [] })
    const page = await client.get(`${base}/widget`).loginAs(members.admin).accept('json')
    assert.deepEqual(page.body().consentPurposes.map((purpose: any) => [purpose.key, purpose.version, purpose.text]), [['analytics', 1, ANALYTICS_TEXT], ['marketing', 1, MARKETING_TEXT]])
    const body = { name: 'Help', color: '#112233', greeting: 'Hello', allowedOrigins: [SITE] }
    const saved = await client.put(`${base}/widget`).loginAs(members.admin).withCsrfToken().json({ ...body, consentPurposes: ['marketing'] }).accept('json')
    saved.assertStatus(200)
    assert.deepEqual(saved.body().widget.consentPurposes, ['marketing'])
    const unknown = await client.put(`${base}/widget`).loginAs(members.admin).withCsrfToken().json({ ...body, consentPurposes: ['profiling'] }).accept('json')
    unknown.assertStatus(422)
    // Another workspace's purpose key is not one of this workspace's
    const other = await knowledgeWorkspace()
    await new SaveConsentPurpose().handle({ workspaceId: other.workspace.id, key: 'sale_sharing', name: 'Sale', text: 'We sell data.' })
    const foreign = await client.put(`${base}/widget`).loginAs(members.admin).withCsrfToken().json({ ...body, consentPurposes: ['sale_sharing'] }).accept('json')
    foreign.assertStatus(422)
  })

  test('the visitor sees the exact text and version; grant and withdrawal are recorded in the ledger with that version and follow the contact', async ({ client, assert }) => {
    const { workspace } = await knowledgeWorkspace()
    const { widget } = await consentWidget(workspace.id)
    const session = await startSession(client, widget.id)
    assert.isFalse(session.consent.gpc)
    const analytics = session.consent.purposes.find((purpose) => purpose.key === 'analytics')
    assert.include(analytics, { name: 'Chat analytics', text: ANALYTICS_TEXT, version: 1, decision: null })
    assert.match(analytics.textHash, /^[0-9a-f]{64}$/)

    const granted = await fromSite(client.post(`/widget/${widget.id}/consent`), session.token).json({ purpose: 'analytics', decision: 'grant', textHash: analytics.textHash })
    granted.assertStatus(201)
    assert.equal(granted.body().decision, 'grant')
    const withdrawn = await fromSite(client.post(`/widget/${widget.id}/consent`), session.token).json({ purpose: 'analytics', decision: 'withdraw', textHash: analytics.textHash })
    withdrawn.assertStatus(201)
    assert.equal(withdrawn.body().message, 'Your consent is withdrawn.')
    assert.equal(withdrawn.body().consent.purposes.find((purpose: any) => purpose.key === 'analytics').decision, 'withdraw')

    const events = await ledger(workspace.id)
    assert.deepEqual(events.map((event) => [event.subject_type, event.subject_id, event.decision, event.text_hash, event.channel, event.gpc]), [
      ['visitor', session.sessionId, 'grant', analytics.textHash, 'widget', false],
      ['visitor', session.sessionId, 'withdraw', analytics.textHash, 'widget', false],
    ])

    // A new text version asks again
    await new SaveConsentPurpose().handle({ workspaceId: workspace.id, key: 'analytics', name: 'Chat analytics', text: `${ANALYTICS_TEXT} Updated.` })
    const again = (await fromSite(client.get(`/widget/${widget.id}/consent`), session.token)).body()
    assert.include(again.purposes.find((purpose: any) => purpose.key === 'analytics'), { version: 2, decision: null })

    // The first message creates the contact: the choices are carried to it with their text version
    await fromSite(client.post(`/widget/${widget.id}/messages`), session.token).json({ body: 'Hello' }).then((response) => response.assertStatus(201))
    const stored = await WidgetSession.findOrFail(session.sessionId)
    const contactEvents = await ledger(workspace.id).where('subject_type', 'contact').where('subject_id', stored.contactId!)
    assert.deepEqual(contactEvents.map((event) => [event.decision, event.text_hash]), [['withdraw', analytics.textHash]])

    // Bad input: unknown text hash, a purpose this widget does not ask for, a malformed decision
    const wrongHash = await fromSite(client.post(`/widget/${widget.id}/consent`), session.token).json({ purpose: 'marketing', decision: 'grant', textHash: 'a'.repeat(64) })
    wrongHash.assertStatus(422)
    await new SaveConsentPurpose().handle({ workspaceId: workspace.id, key: 'profiling', name: 'Profiling', text: 'Profiles.' })
    const notAsked = await fromSite(client.post(`/widget/${widget.id}/consent`), session.token).json({ purpose: 'profiling', decision: 'grant', textHash: 'b'.repeat(64) })
    notAsked.assertStatus(422)
    const malformed = await fromSite(client.post(`/widget/${widget.id}/consent`), session.token).json({ purpose: 'marketing', decision: 'maybe', textHash: 'x' })
    malformed.assertStatus(422)
    // A flood of choices is cut off (30 a minute per session), so the append-only ledger cannot be filled
    let last = 0
    for (let attempt = 0; attempt < 31 && last !== 429; attempt++) {
      last = (await fromSite(client.post(`/widget/${widget.id}/consent`), session.token).json({ purpose: 'marketing', decision: 'withdraw', textHash: session.consent.purposes[1].textHash })).status()
    }
    assert.equal(last, 429)
    // Other sites and missing sessions
    ;(await client.post(`/widget/${widget.id}/consent`).header('origin', 'https://evil.example.test').header('authorization', `Bearer ${session.token}`).json({}).accept('json')).assertStatus(403)
    ;(await fromSite(client.get(`/widget/${widget.id}/consent`))).assertStatus(401)
  })

  test('Global Privacy Control: the visitor is not asked, every purpose is recorded as refused, and a later “Allow” stays a refusal', async ({ client, assert }) => {
    const { workspace } = await knowledgeWorkspace()
    const { widget } = await consentWidget(workspace.id)
    const session = await startSession(client, widget.id, { 'sec-gpc': '1' })
    assert.isTrue(session.consent.gpc)
    assert.deepEqual(session.consent.purposes.map((purpose) => [purpose.key, purpose.decision, purpose.gpc]), [['analytics', 'refuse', true], ['marketing', 'refuse', true]])
    const events = await ledger(workspace.id)
    assert.deepEqual(events.map((event) => [event.decision, event.gpc, event.channel]), [['refuse', true, 'widget'], ['refuse', true, 'widget']])
    // Resuming does not write the refusal twice
    await fromSite(client.get(`/widget/${widget.id}/consent`), session.token, { 'sec-gpc': '1' }).then((response) => response.assertStatus(200))
    assert.lengthOf(await ledger(workspace.id), 2)

    const analytics = session.consent.purposes[0]
    const clicked = await fromSite(client.post(`/widget/${widget.id}/consent`), session.token, { 'sec-gpc': '1' }).json({ purpose: 'analytics', decision: 'grant', textHash: analytics.textHash })
    clicked.assertStatus(201)
    assert.equal(clicked.body().decision, 'refuse')
    assert.include(clicked.body().message, 'Global Privacy Control')

    // navigator.globalPrivacyControl, sent by the loader in the body, counts the same
    const fromScript = await startSession(client, widget.id, {}, { gpc: true })
    assert.isTrue(fromScript.consent.gpc)
    assert.equal(fromScript.consent.purposes[1].decision, 'refuse')
  })
})

async function aiWidget(workspaceId: string) {
  return new SaveWidget().handle(workspaceId, { name: 'Support', color: '#4c6ef5', greeting: 'Hi!', allowedOrigins: [SITE], aiEnabled: true })
}

function ask(client: ApiClient, widgetId: string, token: string, body: string) {
  return fromSite(client.post(`/widget/${widgetId}/messages`), token).json({ body })
}

test.group('Widget: AI answers and hand-off', (group) => {
  knowledgeGroup(group)

  test('a question is answered by the assistant from the help center, with a numbered source linking to the article', async ({ client, assert }) => {
    const { workspace } = await knowledgeWorkspace()
    await withAnthropicKey(workspace.id)
    await publishedArticle(workspace, 'Refunds', 'Annual plans can be refunded in full within 30 days of purchase. Monthly plans are not refunded.')
    const { widget } = await aiWidget(workspace.id)
    const { token, sessionId } = await startSession(client, widget.id)
    fakeAnthropic.requests = []

    const response = await ask(client, widget.id, token, 'Can I get a refund for my annual plan? Write to me at clara@customer.test')
    response.assertStatus(201)
    const { message, answer, handedOff } = response.body()
    assert.equal(message.from, 'visitor')
    assert.isFalse(handedOff)
    assert.equal(answer.from, 'assistant')
    assert.include(answer.body, 'Annual plans can be refunded in full within 30 days of purchase.')
    assert.match(answer.body, /\[1\]$/)
    assert.deepEqual(answer.sources, [{ number: 1, title: 'Refunds', url: `${env.get('APP_URL')}/help/${workspace.slug}/articles/refunds` }])

    // What reached the provider: the sources and the redacted question, logged as a widget answer
    assert.lengthOf(fakeAnthropic.requests, 1)
    assert.include(fakeAnthropic.requests[0].body.system!, 'chat widget')
    assert.notInclude(JSON.stringify(fakeAnthropic.requests[0].body.messages), 'clara@customer.test')
    const logged = await AiRequest.query().where('workspace_id', workspace.id).where('feature', 'widget_answer').firstOrFail()
    assert.equal(logged.outcome, 'ok')
    assert.isNull(logged.actorUserId)

    // Stored in the ticket as an outbound message the assistant wrote; the visitor's history shows it as such
    const session = await WidgetSession.findOrFail(sessionId)
    const stored = await TicketMessage.query().where('ticket_id', session.ticketId!).orderBy('created_at')
    assert.deepEqual(stored.map((row) => [row.kind, row.authorUserId, row.authorKind]), [['inbound', null, null], ['outbound', null, 'assistant']])
    assert.isNotNull(await WidgetAiAnswer.findBy('message_id', stored[1].id))
    const history = (await fromSite(client.get(`/widget/${widget.id}/messages`), token)).body()
    assert.deepEqual(history.messages.map((row: any) => row.from), ['visitor', 'assistant'])
    assert.equal(history.messages[1].sources[0].number, 1)
  })

  test('“Talk to a person” hands the chat to the inbox with the AI exchange as context; later messages reach agents only', async ({ client, assert }) => {
    const { workspace, members } = await knowledgeWorkspace()
    await withAnthropicKey(workspace.id)
    await publishedArticle(workspace, 'Refunds', 'Annual plans can be refunded in full within 30 days of purchase.')
    const { widget } = await aiWidget(workspace.id)
    const { token, sessionId } = await startSession(client, widget.id)
    await ask(client, widget.id, token, 'Can I get a refund for my annual plan?').then((response) => response.assertStatus(201))
    const handoff = await fromSite(client.post(`/widget/${widget.id}/handoff`), token)
    handoff.assertStatus(200)
    assert.equal(handoff.body().message, 'A person from our team will reply here as soon as possible.')
    const session = await WidgetSession.findOrFail(sessionId)
    assert.isNotNull(session.handedOffAt)
    const notes = await TicketMessage.query().where('ticket_id', session.ticketId!).where('kind', 'note')
    assert.equal(notes[0].body, 'Handed over from the AI assistant: the visitor asked to talk to a person.')

    // The ticket is in the inbox with the question, the AI answer and the note
    const ticket = await client.get(`/w/${workspace.slug}/inbox/${session.ticketId}`).loginAs(members.agent).withInertia()
    ticket.assertStatus(200)
    const bodies = JSON.stringify(ticket.inertiaProps)
    assert.include(bodies, 'Can I get a refund for my annual plan?')
    assert.include(bodies, 'According to our documentation')
    assert.include(bodies, 'the visitor asked to talk to a person')
    const shown = (ticket.inertiaProps as any).selected.messages.find((row: any) => row.kind === 'outbound')
    assert.deepEqual(shown.author, { id: 'assistant', name: 'AI assistant' })

    fakeAnthropic.requests = []
    const later = await ask(client, widget.id, token, 'Are you there?')
    later.assertStatus(201)
    assert.isNull(later.body().answer)
    assert.isTrue(later.body().handedOff)
    assert.lengthOf(fakeAnthropic.requests, 0)
    // The assistant's answer is no first response: that clock stops at the first person's reply.
    assert.isNull((await Ticket.findOrFail(session.ticketId!)).firstResponseAt)
    await new AddTicketMessage().handle({ workspaceId: workspace.id, ticketId: session.ticketId!, authorUserId: members.agent.id, kind: 'outbound', body: 'Hi, Alex here.' })
    assert.isNotNull((await Ticket.findOrFail(session.ticketId!)).firstResponseAt)
    const history = (await fromSite(client.get(`/widget/${widget.id}/messages`), token)).body()
    assert.deepEqual(history.messages.map((row: any) => row.from), ['visitor', 'assistant', 'visitor', 'agent'])
    assert.isTrue(history.handedOff)
  })

  test('with no answer in the knowledge base the AI is not called: the visitor is told and the chat is handed over', async ({ client, assert }) => {
    const { workspace } = await knowledgeWorkspace()
    await withAnthropicKey(workspace.id)
    const { widget } = await aiWidget(workspace.id)
    const { token, sessionId } = await startSession(client, widget.id)
    const response = await ask(client, widget.id, token, 'Do you ship to Mars?')
    response.assertStatus(201)
    assert.equal(response.body().answer.body, NO_ANSWER_REPLY)
    assert.deepEqual(response.body().answer.sources, [])
    assert.isTrue(response.body().handedOff)
    assert.lengthOf(fakeAnthropic.requests, 0)
    const session = await WidgetSession.findOrFail(sessionId)
    const note = await TicketMessage.query().where('ticket_id', session.ticketId!).where('kind', 'note').firstOrFail()
    assert.include(note.body, 'no answer')
  })

  test('an AI failure is said plainly and handed over; the failed request is logged', async ({ client, assert }) => {
    const { workspace } = await knowledgeWorkspace()
    await withAnthropicKey(workspace.id)
    await publishedArticle(workspace, 'Refunds', 'Annual plans can be refunded in full within 30 days of purchase.')
    const { widget } = await aiWidget(workspace.id)
    const { token } = await startSession(client, widget.id)
    fakeAnthropic.failures = [529, 529, 529]
    const response = await ask(client, widget.id, token, 'Can I get a refund for my annual plan?')
    response.assertStatus(201)
    assert.equal(response.body().answer.body, AI_UNAVAILABLE_REPLY)
    assert.isTrue(response.body().handedOff)
    const logged = await AiRequest.query().where('workspace_id', workspace.id).where('feature', 'widget_answer').firstOrFail()
    assert.equal(logged.outcome, 'overloaded')
  })

  test('a restricted or objecting contact never reaches the AI provider', async ({ client, assert }) => {
    const { workspace } = await knowledgeWorkspace()
    await withAnthropicKey(workspace.id)
    await publishedArticle(workspace, 'Refunds', 'Annual plans can be refunded in full within 30 days of purchase.')
    const { widget, secret } = await aiWidget(workspace.id)
    // (Publishing let the knowledge base summarise the article; only what follows counts.)
    fakeAnthropic.requests = []
    for (const [externalId, restrict] of [
      ['user-restricted', (contact: InstanceType<typeof Contact>) => (contact.processingRestrictedAt = DateTime.now())],
      ['user-objecting', (contact: InstanceType<typeof Contact>) => (contact.processingObjections = { ai: DateTime.now().toISO()! })],
    ] as const) {
      const { token, sessionId } = await startSession(client, widget.id)
      const identified = await fromSite(client.post(`/widget/${widget.id}/identify`), token).json({ externalId, name: 'Rita Restricted', userHash: userHashOf(secret!, externalId) })
      assert.isTrue(identified.body().verified)
      const contact = await Contact.findOrFail((await WidgetSession.findOrFail(sessionId)).contactId)
      restrict(contact)
      await contact.save()
      const response = await ask(client, widget.id, token, 'Can I get a refund for my annual plan?')
      response.assertStatus(201)
      assert.isNull(response.body().answer)
      assert.isTrue(response.body().handedOff)
    }
    assert.lengthOf(fakeAnthropic.requests, 0)
    assert.lengthOf(await AiRequest.query().where('workspace_id', workspace.id).where('feature', 'widget_answer'), 0)
    const notes = await TicketMessage.query().where('workspace_id', workspace.id).where('kind', 'note')
    assert.lengthOf(notes, 2)
    assert.include(notes[0].body, 'nothing was sent to the AI')
  })

  test('foreign or unknown widget ids answer 404, other origins 403', async ({ client }) => {
    const { workspace } = await knowledgeWorkspace()
    const { widget } = await aiWidget(workspace.id)
    const { token } = await startSession(client, widget.id)
    ;(await fromSite(client.post(`/widget/00000000-0000-4000-8000-000000000000/handoff`), token)).assertStatus(404)
    ;(await fromSite(client.post(`/widget/not-a-uuid/consent`), token).json({})).assertStatus(404)
    // A session of one widget is not a session of another workspace's widget
    const other = await knowledgeWorkspace()
    const { widget: otherWidget } = await aiWidget(other.workspace.id)
    ;(await fromSite(client.post(`/widget/${otherWidget.id}/handoff`), token)).assertStatus(401)
    ;(await client.post(`/widget/${widget.id}/handoff`).header('origin', 'https://evil.example.test').header('authorization', `Bearer ${token}`).accept('json')).assertStatus(403)
  })
})
