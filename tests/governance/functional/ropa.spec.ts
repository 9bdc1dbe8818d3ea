import { test } from '@japa/runner'
import { declaredTables } from '#core/personal_data'
import { workspaceWithEveryRole } from '#tests/helpers/identity'
import { assertAnswers404, assertRoleAccess } from '#tests/helpers/tenancy'
import { asMember, governanceGroup, operatorUser } from '#tests/governance/fixtures'

test.group('Records of processing (Art. 30)', (group) => {
  governanceGroup(group)

  test('controller and processor records come from the catalog, retention rules and registry; HTML and CSV downloads', async ({ client, assert }) => {
    const operator = await operatorUser()
    await asMember(client, operator, 'post', '/operator/subprocessors', {
      name: 'Cloud Host',
      legalEntity: 'Cloud Host SA',
      country: 'France',
      category: 'Hosting',
      purpose: 'Hosting',
      region: 'EU',
      transferMechanism: 'None (EU)',
      noticeDays: 30,
    })
    const { workspace, members } = await workspaceWithEveryRole()
    const base = `/w/${workspace.slug}/governance/records-of-processing`
    await asMember(client, members.owner, 'put', `/w/${workspace.slug}/governance/retention/rules`, { ruleKey: 'resolved_tickets', days: 400, enabled: true })

    const page = await client.get(base).loginAs(members.owner).withInertia()
    page.assertInertiaComponent('governance/ropa')
    const { controller, processor } = page.inertiaProps.ropa
    assert.isTrue(controller.activities.some((activity: { tables: string[] }) => activity.tables.includes('users')))
    assert.isFalse(controller.activities.some((activity: { tables: string[] }) => activity.tables.includes('contacts')))
    const support = processor.activities.find((activity: { tables: string[] }) => activity.tables.includes('tickets'))
    assert.include(support.retention, 'Delete resolved and closed tickets 400 days after')
    // Every table the catalog declares with contact data appears in the processor record
    const contactTables = [...declaredTables().values()]
      .filter(({ declaration }) => Object.values(declaration.columns).some((column) => column.personal && column.subject === 'contact'))
      .map(({ declaration }) => declaration.table)
    const listed = new Set(processor.activities.flatMap((activity: { tables: string[] }) => activity.tables))
    for (const table of contactTables) assert.isTrue(listed.has(table), table)

    const csv = await client.get(`${base}.csv`).loginAs(members.privacy)
    csv.assertStatus(200)
    assert.include(csv.header('content-type'), 'text/csv')
    assert.match(csv.text(), /^record,module,purpose,legalBasis/)
    assert.include(csv.text(), 'processor,helpdesk')
    const html = await client.get(`${base}.html`).loginAs(members.owner)
    assert.include(html.text(), 'Records of processing activities (GDPR Art. 30)')
    assert.include(html.header('content-disposition'), 'attachment')

    await assertRoleAccess(client, members, ['owner', 'privacy'], () => ({ method: 'get', url: base }))
    await assertRoleAccess(client, members, ['owner', 'privacy'], () => ({ method: 'get', url: `${base}.csv` }))
    const other = await workspaceWithEveryRole()
    await assertAnswers404(client, other.members.owner, [{ method: 'get', url: base }, { method: 'get', url: `${base}.html` }])
  })
})
