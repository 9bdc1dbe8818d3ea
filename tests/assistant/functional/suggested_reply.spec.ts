import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { registerLimitChecker } from '#core/plan_limits'
import Contact from '#helpdesk/models/contact'
import AiRequest from '#assistant/models/ai_request'
import SaveAssistantSettings from '#assistant/actions/save_assistant_settings'
import { contactWritesIn } from '#tests/helpdesk/fixtures'
import { sentText } from '#tests/helpers/fakes/anthropic'
import { REFUNDS_ARTICLE, addText, asMember, fakeAnthropic, knowledgeGroup, knowledgeWorkspace, parseEvents, withAnthropicKey } from '#tests/knowledge/fixtures'

const QUESTION = {
  from: { email: 'clara@customer.test', name: 'Clara Customer' },
  subject: 'Refund for my annual plan?',
  body: 'Hi, I bought the annual plan last week with card 4111 1111 1111 1111. Can I get a refund? Call me on +49 30 1234 5678. Clara',
  channel: 'email' as const,
}

function suggest(client: any, user: any, base: string, ticketId: string) {
  return asMember(client, user, 'post', `${base}/tickets/${ticketId}/ai/suggestion`)
}

test.group('Suggested replies', (group) => {
  knowledgeGroup(group)
  // A test standing in for billing's checker puts billing's back afterwards.
  let restoreLimits: (() => void) | undefined
  group.each.setup(() => () => {
    restoreLimits?.()
    restoreLimits = undefined
  })

  test('streams a draft grounded in the knowledge base, with a numbered citation to the right passage; the ticket is redacted', async ({ client, assert }) => {
    const { workspace, members, base } = await knowledgeWorkspace()
    await withAnthropicKey(workspace.id)
    await addText(workspace.id, 'Billing', REFUNDS_ARTICLE)
    fakeAnthropic.requests = []
    const { ticket } = await contactWritesIn(workspace.id, QUESTION)

    const response = await suggest(client, members.agent, base, ticket.id)
    response.assertStatus(200)
    assert.match(String(response.header('content-type')), /^text\/event-stream/)
    const events = parseEvents(response.text())
    assert.deepEqual(events.map((event) => event.event).filter((name, index, all) => all.indexOf(name) === index), ['citations', 'text', 'done'])
    const citations = events[0].data.citations
    assert.equal(citations[0].number, 1)
    assert.equal(citations[0].heading, 'Billing › Refunds')
    assert.match(citations[0].href, new RegExp(`^${base}/knowledge/[0-9a-f-]{36}\\?chunk=\\d+#chunk-\\d+$`))
    const draft = events.filter((event) => event.event === 'text').map((event) => event.data.delta).join('')
    assert.equal(draft, 'According to our documentation: Annual plans can be refunded in full within 30 days of purchase. [1]')
    assert.isAbove(events.filter((event) => event.event === 'text').length, 5, 'streamed in pieces')

    // What reached the provider: sources in a delimited block, rules, and the ticket without personal data
    assert.lengthOf(fakeAnthropic.requests, 1)
    const request = fakeAnthropic.requests[0]
    assert.isTrue(request.body.stream)
    assert.equal(request.body.model, 'claude-sonnet-5-5')
    assert.include(request.body.system!, '<source id="1" title="Billing › Billing › Refunds">')
    assert.include(request.body.system!, 'If the passages do not answer the question, say exactly: "The knowledge base has no answer to this."')
    const sent = sentText(request)
    for (const personal of ['clara@customer.test', 'Clara', 'Customer', '4111', '1234 5678']) assert.notInclude(sent, personal)
    assert.include(sent, 'with card [card number]. Can I get a refund? Call me on [phone]. [name]')

    // Logged: workspace, feature, model, subprocessor, token counts; no content column exists
    const logged = await AiRequest.query().where('workspace_id', workspace.id).where('feature', 'suggested_reply').firstOrFail()
    assert.equal(logged.subprocessor, 'Anthropic')
    assert.equal(logged.outcome, 'ok')
    assert.isAbove(logged.inputTokens, 50)
    assert.isAbove(logged.outputTokens, 5)
    assert.equal(logged.actorUserId, members.agent.id)
  })

  test('with redaction turned off the ticket goes as written; internal notes never go', async ({ client, assert }) => {
    const { workspace, members, base } = await knowledgeWorkspace()
    await withAnthropicKey(workspace.id, { redactionEnabled: false })
    const { ticket } = await contactWritesIn(workspace.id, QUESTION)
    await asMember(client, members.agent, 'post', `${base}/tickets/${ticket.id}/messages`, { kind: 'note', body: 'Internal: VIP customer, ENG-42' }).then((r) => r.assertStatus(201))
    const response = await suggest(client, members.agent, base, ticket.id)
    response.assertStatus(200)
    const sent = sentText(fakeAnthropic.requests[0])
    assert.include(sent, 'Clara')
    assert.include(sent, '4111 1111 1111 1111')
    assert.include(sent, '+49 30 1234 5678')
    assert.notInclude(sent, 'ENG-42')
  })

  test('a contact under restriction or objection is never sent to the AI', async ({ client, assert }) => {
    const { workspace, members, base } = await knowledgeWorkspace()
    await withAnthropicKey(workspace.id)
    const { ticket, contact } = await contactWritesIn(workspace.id, QUESTION)
    const restricted = await Contact.findOrFail(contact.id)
    restricted.processingRestrictedAt = DateTime.now()
    await restricted.save()
    const response = await suggest(client, members.agent, base, ticket.id)
    response.assertStatus(409)
    assert.equal(response.body().message, 'This contact has restricted or objected to the processing of their data, so their conversation is never sent to the AI.')
    const summary = await asMember(client, members.agent, 'post', `${base}/tickets/${ticket.id}/ai/summary`)
    summary.assertStatus(409)

    // An objection to the AI purpose alone has the same effect
    const objecting = await contactWritesIn(workspace.id, { ...QUESTION, from: { email: 'olga@customer.test', name: 'Olga Objector' } })
    const objector = await Contact.findOrFail(objecting.contact.id)
    objector.processingObjections = { ai: DateTime.now().toISO()! }
    await objector.save()
    const objected = await suggest(client, members.agent, base, objecting.ticket.id)
    objected.assertStatus(409)

    assert.lengthOf(fakeAnthropic.requests, 0)
    assert.lengthOf(await AiRequest.query().where('workspace_id', workspace.id), 0)
  })

  test('no key, an invalid key, an exhausted quota and an overloaded provider each give a clear message', async ({ client, assert }) => {
    const { workspace, members, base } = await knowledgeWorkspace()
    const { ticket } = await contactWritesIn(workspace.id, QUESTION)

    const noKey = await suggest(client, members.agent, base, ticket.id)
    noKey.assertStatus(424)
    assert.equal(noKey.body().message, 'No AI provider is set up for this workspace. An admin can add an Anthropic key in AI settings.')

    await new SaveAssistantSettings().handle(workspace.id, { anthropicApiKey: 'sk-ant-wrong-key-9999', redactionEnabled: true })
    const invalid = parseEvents((await suggest(client, members.agent, base, ticket.id)).text())
    assert.deepEqual(invalid.at(-1), { event: 'error', data: { message: 'The Anthropic API key was refused. An admin can enter a valid key in AI settings.' } })

    await withAnthropicKey(workspace.id)
    fakeAnthropic.failures = [429, 429]
    const limited = parseEvents((await suggest(client, members.agent, base, ticket.id)).text())
    assert.equal(limited.at(-1)!.data.message, 'The Anthropic account is out of quota or rate-limited. Try again later, or raise the limits of the key.')

    fakeAnthropic.failures = [529, 529]
    const overloaded = parseEvents((await suggest(client, members.agent, base, ticket.id)).text())
    assert.equal(overloaded.at(-1)!.data.message, 'The AI provider is overloaded right now. Try again in a minute.')

    // One overloaded answer is retried by the SDK and the draft still arrives
    fakeAnthropic.failures = [529]
    const retried = parseEvents((await suggest(client, members.agent, base, ticket.id)).text())
    assert.equal(retried.at(-1)!.event, 'done')

    const outcomes = await AiRequest.query().where('workspace_id', workspace.id).orderBy('created_at').select('outcome')
    assert.deepEqual(outcomes.map((row) => row.outcome).sort(), ['auth_error', 'ok', 'overloaded', 'rate_limited'])
  })

  test('the workspace’s monthly token limit and the plan’s limit stop AI calls before they are made', async ({ client, assert }) => {
    const { workspace, members, base } = await knowledgeWorkspace()
    await withAnthropicKey(workspace.id, { monthlyTokenLimit: 5000 })
    const { ticket } = await contactWritesIn(workspace.id, QUESTION)
    await AiRequest.create({ workspaceId: workspace.id, feature: 'playground', model: 'm', subprocessor: 'Anthropic', inputTokens: 4000, outputTokens: 500, outcome: 'ok', durationMs: 1, actorUserId: null })
    const overLimit = await suggest(client, members.agent, base, ticket.id)
    overLimit.assertStatus(402)
    assert.match(overLimit.body().message, /^This workspace has used 4,500 of its 5,000 AI tokens this month, so AI features are paused until 1 \w+ \d{4}\. An admin can raise the limit in AI settings\.$/)

    await withAnthropicKey(workspace.id, { monthlyTokenLimit: null })
    restoreLimits = registerLimitChecker(async (_workspaceId, resource) =>
      resource === 'ai_tokens' ? { allowed: false, message: 'Your Starter plan includes 100,000 AI tokens a month (all used).' } : { allowed: true }
    )
    const planLimit = await suggest(client, members.agent, base, ticket.id)
    planLimit.assertStatus(402)
    assert.equal(planLimit.body().message, 'Your Starter plan includes 100,000 AI tokens a month (all used).')
    assert.lengthOf(fakeAnthropic.requests, 0)
  })

  test('a workspace that chose a model Anthropic retires is answered by its successor', async ({ client, assert }) => {
    const { workspace, members, base } = await knowledgeWorkspace()
    await withAnthropicKey(workspace.id)
    await db.from('assistant_settings').where('workspace_id', workspace.id).update({ model: 'claude-sonnet-4-5' })
    await addText(workspace.id, 'Billing', REFUNDS_ARTICLE)
    fakeAnthropic.requests = []
    const { ticket } = await contactWritesIn(workspace.id, QUESTION)

    const response = await suggest(client, members.agent, base, ticket.id)
    response.assertStatus(200)
    assert.equal(fakeAnthropic.requests[0].body.model, 'claude-sonnet-5-5')
    const page = await client.get(`${base}/ai/settings`).loginAs(members.owner).withInertia()
    assert.equal(page.body().props.settings.model, 'claude-sonnet-5-5')
    assert.notInclude(page.body().props.models, 'claude-sonnet-4-5')
  })

  test('the key is sealed by the vault, write-only, and only its last four characters are shown', async ({ client, assert }) => {
    const { workspace, members, base } = await knowledgeWorkspace()
    const saved = await asMember(client, members.admin, 'put', `${base}/ai/settings`, {
      anthropicApiKey: 'sk-ant-test-valid-key-0001',
      redactionEnabled: true,
      model: 'claude-haiku-5-5',
      monthlyTokenLimit: 200000,
      embeddingProvider: 'local',
    })
    saved.assertStatus(200)
    assert.deepEqual(saved.body().settings, { model: 'claude-haiku-5-5', redactionEnabled: true, monthlyTokenLimit: 200000, hasKey: true, keyHint: '••••0001' })
    assert.notInclude(JSON.stringify(saved.body()), 'sk-ant-test')
    const [row] = await db.from('assistant_settings').where('workspace_id', workspace.id).select('anthropic_api_key')
    assert.match(row.anthropic_api_key, /^vd1:w\d+:/)
    const page = await client.get(`${base}/ai/settings`).loginAs(members.owner).withInertia()
    page.assertStatus(200)
    assert.notInclude(JSON.stringify(page.body()), 'sk-ant-test')
    const audit = await db.from('audit_entries').where('workspace_id', workspace.id).where('action', 'assistant.settings_updated').first()
    assert.exists(audit)

    const badModel = await asMember(client, members.admin, 'put', `${base}/ai/settings`, { redactionEnabled: true, model: 'gpt-4', embeddingProvider: 'local' })
    badModel.assertStatus(422)
  })
})
