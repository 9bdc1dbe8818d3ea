import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { workspaceWithEveryRole } from '#tests/helpers/identity'
import { assertAnswers404, assertRoleAccess } from '#tests/helpers/tenancy'
import { UserFactory } from '#database/factories/identity_factories'
import RecordAnalyticsEvent from '#helpdesk/actions/record_analytics_event'
import Tag from '#helpdesk/models/tag'
import { seedKnownEvents, KNOWN_RANGE } from '#tests/helpdesk/functional/reports/report_fixtures'

const query = (params: Record<string, string>) => `?${new URLSearchParams(params)}`

test.group('Reports: figures', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('volume, medians, CSAT, by agent and by tag are computed from the events', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const { billing, bug } = await seedKnownEvents(workspace, members)
    const other = await workspaceWithEveryRole()
    await seedKnownEvents(other.workspace, other.members)

    const response = await client.get(`/w/${workspace.slug}/reports${query(KNOWN_RANGE)}`).loginAs(members.owner).withInertia()
    response.assertStatus(200)
    response.assertInertiaComponent('helpdesk/reports/index')
    const { report, filters } = response.inertiaProps as any

    assert.deepInclude(filters, { from: '2026-03-01', to: '2026-03-04', lastDays: null, channel: null })
    assert.deepEqual(report.summary, {
      ticketsCreated: 5,
      ticketsResolved: 2,
      messagesSent: 4,
      firstResponseMedianSeconds: 120,
      resolutionMedianSeconds: 5400,
      csatAverage: 3.67,
      csatResponses: 3,
      csatSatisfiedPercent: 66.7,
    })
    assert.deepEqual(report.volume, [
      { day: '2026-03-01', created: 0, resolved: 0 },
      { day: '2026-03-02', created: 3, resolved: 2 },
      { day: '2026-03-03', created: 2, resolved: 0 },
      { day: '2026-03-04', created: 0, resolved: 0 },
    ])
    assert.deepEqual(report.csatDistribution, [
      { score: 1, count: 0 },
      { score: 2, count: 1 },
      { score: 3, count: 0 },
      { score: 4, count: 1 },
      { score: 5, count: 1 },
    ])
    assert.deepEqual(report.byAgent, [
      {
        agentId: members.agent.id,
        name: members.agent.fullName,
        ticketsResolved: 2,
        messagesSent: 2,
        firstResponseMedianSeconds: 90,
        resolutionMedianSeconds: 5400,
        csatAverage: 4.5,
        csatResponses: 2,
      },
      {
        agentId: members.owner.id,
        name: members.owner.fullName,
        ticketsResolved: 0,
        messagesSent: 2,
        firstResponseMedianSeconds: 600,
        resolutionMedianSeconds: null,
        csatAverage: 2,
        csatResponses: 1,
      },
    ])
    assert.deepEqual(report.byTag, [
      { tagId: billing.id, name: 'billing', color: 'red', ticketsCreated: 2, ticketsResolved: 2, resolutionMedianSeconds: 5400, csatAverage: 4.5, csatResponses: 2 },
      { tagId: bug.id, name: 'bug', color: 'blue', ticketsCreated: 2, ticketsResolved: 1, resolutionMedianSeconds: 7200, csatAverage: 3, csatResponses: 2 },
    ])
  })

  test('filters narrow every figure: channel, team, agent, tag', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const { bug, tier2 } = await seedKnownEvents(workspace, members)
    const summaryFor = async (params: Record<string, string>) => {
      const response = await client.get(`/w/${workspace.slug}/reports${query({ ...KNOWN_RANGE, ...params })}`).loginAs(members.admin).withInertia()
      response.assertStatus(200)
      return (response.inertiaProps as any).report
    }

    const chat = await summaryFor({ channel: 'chat' })
    assert.include(chat.summary, { ticketsCreated: 2, ticketsResolved: 0, firstResponseMedianSeconds: 600, csatAverage: 2 })

    const team = await summaryFor({ teamId: tier2.id })
    assert.include(team.summary, { ticketsCreated: 1, ticketsResolved: 1, resolutionMedianSeconds: 7200, csatAverage: 4 })

    const agent = await summaryFor({ agentId: members.owner.id })
    assert.include(agent.summary, { ticketsCreated: 0, messagesSent: 2, firstResponseMedianSeconds: 600, csatResponses: 1 })
    assert.deepEqual(agent.byAgent.map((row: any) => row.agentId), [members.owner.id])

    const tagged = await summaryFor({ tagId: bug.id })
    assert.include(tagged.summary, { ticketsCreated: 2, ticketsResolved: 1, csatAverage: 3 })

    const oneDay = await summaryFor({ from: '2026-03-03', to: '2026-03-03' })
    assert.include(oneDay.summary, { ticketsCreated: 2, csatResponses: 1 })
    assert.lengthOf(oneDay.volume, 1)
  })

  test('days are counted in the workspace time zone; the default range is the last 30 days', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    workspace.timezone = 'Europe/Berlin'
    await workspace.save()
    // 23:30 UTC on 2 March is 00:30 on 3 March in Berlin.
    await new RecordAnalyticsEvent().handle({ workspaceId: workspace.id, type: 'ticket_created', occurredAt: DateTime.fromISO('2026-03-02T23:30', { zone: 'utc' }) })
    const response = await client.get(`/w/${workspace.slug}/reports${query({ from: '2026-03-02', to: '2026-03-03' })}`).loginAs(members.owner).withInertia()
    assert.deepEqual((response.inertiaProps as any).report.volume, [
      { day: '2026-03-02', created: 0, resolved: 0 },
      { day: '2026-03-03', created: 1, resolved: 0 },
    ])

    await new RecordAnalyticsEvent().handle({ workspaceId: workspace.id, type: 'ticket_created', occurredAt: DateTime.now().minus({ hours: 1 }) })
    const defaults = await client.get(`/w/${workspace.slug}/reports`).loginAs(members.owner).withInertia()
    const props = defaults.inertiaProps as any
    assert.equal(props.filters.lastDays, 30)
    assert.equal(props.filters.to, DateTime.now().setZone('Europe/Berlin').toISODate())
    assert.lengthOf(props.report.volume, 30)
    assert.equal(props.report.summary.ticketsCreated, 1)
  })

  test('bad filters are refused naming the field: foreign ids, malformed ids, reversed or too long ranges, impossible dates', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const other = await workspaceWithEveryRole()
    const foreignTag = await Tag.create({ workspaceId: other.workspace.id, name: 'theirs', color: 'gray' })
    const refused = async (params: Record<string, string>, field: string) => {
      const response = await client
        .get(`/w/${workspace.slug}/reports${query(params)}`)
        .loginAs(members.owner)
        .header('referer', `/w/${workspace.slug}/reports`)
        .redirects(0)
      response.assertStatus(302)
      const errors = (response.flashMessages() as any).inputErrorsBag ?? {}
      assert.property(errors, field, `${JSON.stringify(params)} should be refused on ${field}: ${JSON.stringify(errors)}`)
    }
    await refused({ tagId: foreignTag.id }, 'tagId')
    await refused({ agentId: other.members.agent.id }, 'agentId')
    await refused({ teamId: 'not-a-uuid' }, 'teamId')
    await refused({ from: '2026-03-05', to: '2026-03-01' }, 'to')
    await refused({ from: '2024-01-01', to: '2026-01-01' }, 'from')
    await refused({ from: '2026-02-30' }, 'from')
  })
})

test.group('Reports: saved reports and CSV', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a user saves filters under a name, reopens them, and deletes them', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const { billing } = await seedKnownEvents(workspace, members)

    const save = await client
      .post(`/w/${workspace.slug}/reports/saved`)
      .loginAs(members.owner)
      .withCsrfToken()
      .json({ name: 'Billing in March', ...KNOWN_RANGE, tagId: billing.id, channel: 'email' })
      .redirects(0)
    save.assertStatus(302)
    const [stored] = await db.from('saved_reports').where('workspace_id', workspace.id)
    assert.match(stored.name, /^vd1:/, 'the name (free text) is encrypted at rest')
    assert.deepEqual(stored.filters, { from: '2026-03-01', to: '2026-03-04', channel: 'email', tagId: billing.id })
    save.assertHeader('location', `/w/${workspace.slug}/reports?report=${stored.id}`)

    const reopened = await client.get(`/w/${workspace.slug}/reports?report=${stored.id}`).loginAs(members.owner).withInertia()
    const props = reopened.inertiaProps as any
    assert.equal(props.activeReportId, stored.id)
    assert.deepEqual(props.savedReports, [{ id: stored.id, name: 'Billing in March', filters: stored.filters }])
    assert.include(props.filters, { from: '2026-03-01', to: '2026-03-04', channel: 'email', tagId: billing.id })
    assert.equal(props.report.summary.ticketsCreated, 2)

    const rolling = await client
      .post(`/w/${workspace.slug}/reports/saved`)
      .loginAs(members.owner)
      .withCsrfToken()
      .json({ name: 'Last week', lastDays: 7 })
      .redirects(0)
    rolling.assertStatus(302)
    const rollingRow = await db.from('saved_reports').where('workspace_id', workspace.id).whereNot('id', stored.id).firstOrFail()
    assert.deepEqual(rollingRow.filters, { lastDays: 7 }, 'a rolling range is saved as such, not as fixed dates')

    const remove = await client.delete(`/w/${workspace.slug}/reports/saved/${stored.id}`).loginAs(members.owner).withCsrfToken().redirects(0)
    remove.assertStatus(302)
    assert.isNull(await db.from('saved_reports').where('id', stored.id).first())
  })

  test('saving needs a name; another user’s saved report answers 404, like another workspace’s', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const nameless = await client
      .post(`/w/${workspace.slug}/reports/saved`)
      .loginAs(members.owner)
      .withCsrfToken()
      .header('referer', `/w/${workspace.slug}/reports`)
      .json({ lastDays: 7 })
      .redirects(0)
    nameless.assertStatus(302)
    assert.property((nameless.flashMessages() as any).inputErrorsBag, 'name')

    await client.post(`/w/${workspace.slug}/reports/saved`).loginAs(members.owner).withCsrfToken().json({ name: 'Mine', lastDays: 7 })
    const mine = await db.from('saved_reports').where('workspace_id', workspace.id).firstOrFail()

    await assertAnswers404(client, members.admin, [
      { method: 'get', url: `/w/${workspace.slug}/reports?report=${mine.id}` },
      { method: 'get', url: `/w/${workspace.slug}/reports/export.csv?report=${mine.id}` },
      { method: 'delete', url: `/w/${workspace.slug}/reports/saved/${mine.id}` },
    ])
    const admin = await client.get(`/w/${workspace.slug}/reports`).loginAs(members.admin).withInertia()
    assert.deepEqual((admin.inertiaProps as any).savedReports, [], 'saved reports are per user')

    const other = await workspaceWithEveryRole()
    await assertAnswers404(client, other.members.owner, [
      { method: 'get', url: `/w/${other.workspace.slug}/reports?report=${mine.id}` },
      { method: 'delete', url: `/w/${other.workspace.slug}/reports/saved/${mine.id}` },
    ])
    assert.isNotNull(await db.from('saved_reports').where('id', mine.id).first())
  })

  test('the CSV export holds the same figures as the page', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const { billing } = await seedKnownEvents(workspace, members)
    members.agent.fullName = '=HYPERLINK("http://evil.test","Ada")'
    await members.agent.save()

    const page = await client.get(`/w/${workspace.slug}/reports${query(KNOWN_RANGE)}`).loginAs(members.owner).withInertia()
    const { report } = page.inertiaProps as any
    const response = await client.get(`/w/${workspace.slug}/reports/export.csv${query(KNOWN_RANGE)}`).loginAs(members.owner)
    response.assertStatus(200)
    response.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.include(response.header('content-disposition'), `report-${workspace.slug}-2026-03-01-to-2026-03-04.csv`)

    const lines = response.text().trim().split('\r\n')
    assert.equal(lines[0], 'section,key,label,metric,value')
    const value = (section: string, key: string, metric: string) =>
      lines.find((line) => line.startsWith(`${section},${key},`) && line.includes(`,${metric},`))?.split(',').at(-1)
    assert.equal(value('filter', '', 'from'), '2026-03-01')
    assert.equal(value('summary', '', 'tickets_created'), String(report.summary.ticketsCreated))
    assert.equal(value('summary', '', 'first_response_median_seconds'), String(report.summary.firstResponseMedianSeconds))
    assert.equal(value('summary', '', 'resolution_median_seconds'), String(report.summary.resolutionMedianSeconds))
    assert.equal(value('summary', '', 'csat_average'), String(report.summary.csatAverage))
    for (const point of report.volume) {
      assert.equal(value('volume', point.day, 'tickets_created'), String(point.created))
      assert.equal(value('volume', point.day, 'tickets_resolved'), String(point.resolved))
    }
    for (const bucket of report.csatDistribution) assert.equal(value('csat_distribution', String(bucket.score), 'ratings'), String(bucket.count))
    assert.equal(value('agent', members.agent.id, 'tickets_resolved'), '2')
    assert.equal(value('tag', billing.id, 'resolution_median_seconds'), '5400')
    assert.include(response.text(), `"'=HYPERLINK(""http://evil.test"",""Ada"")"`, 'a name that looks like a formula is neutralised')
    assert.lengthOf(lines, 1 + 6 + 8 + 4 * 2 + 5 + 2 * 6 + 2 * 5)
  })
})

test.group('Reports: access', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('owners and admins see reports; agents and privacy staff are refused; non-members get 404', async ({ client }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    await client.post(`/w/${workspace.slug}/reports/saved`).loginAs(members.owner).withCsrfToken().json({ name: 'x', lastDays: 7 })
    await assertRoleAccess(client, members, ['owner', 'admin'], () => ({ method: 'get', url: `/w/${workspace.slug}/reports` }))
    await assertRoleAccess(client, members, ['owner', 'admin'], () => ({ method: 'get', url: `/w/${workspace.slug}/reports/export.csv` }))
    await assertRoleAccess(client, members, ['owner', 'admin'], (role) => ({
      method: 'post',
      url: `/w/${workspace.slug}/reports/saved`,
      body: { name: `Saved by ${role}`, lastDays: 7 },
    }))
    const [saved] = await db.from('saved_reports').where('workspace_id', workspace.id).where('user_id', members.admin.id)
    for (const role of ['agent', 'privacy'] as const) {
      const response = await client.delete(`/w/${workspace.slug}/reports/saved/${saved.id}`).loginAs(members[role]).withCsrfToken().accept('json')
      response.assertStatus(403)
    }

    const outsider = await UserFactory.create()
    await assertAnswers404(client, outsider, [
      { method: 'get', url: `/w/${workspace.slug}/reports` },
      { method: 'get', url: `/w/${workspace.slug}/reports/export.csv` },
      { method: 'post', url: `/w/${workspace.slug}/reports/saved`, body: { name: 'x' } },
      { method: 'delete', url: `/w/${workspace.slug}/reports/saved/${saved.id}` },
    ])
  })
})
