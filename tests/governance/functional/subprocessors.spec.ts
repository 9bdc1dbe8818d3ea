import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { recipientSourcesList } from '#core/subject_data'
import Subprocessor from '#governance/models/subprocessor'
import { smtpSink } from '#tests/helpers/smtp_sink'
import { workspaceWithEveryRole } from '#tests/helpers/identity'
import { assertAnswers404, assertRoleAccess } from '#tests/helpers/tenancy'
import { asMember, governanceGroup, operatorUser } from '#tests/governance/fixtures'

const ACME_MAIL = {
  name: 'Acme Mail',
  legalEntity: 'Acme Mail GmbH',
  country: 'Germany',
  category: 'Email delivery',
  purpose: 'Sending transactional email',
  region: 'EU (Frankfurt)',
  transferMechanism: 'None (EU)',
}

test.group('Subprocessor registry and notices', (group) => {
  governanceGroup(group)

  test('an operator announces a subprocessor: effective after 30 days, owners and subscribers emailed, public page and feed list it', async ({ client, assert }) => {
    const operator = await operatorUser()
    const { workspace, members } = await workspaceWithEveryRole()
    await asMember(client, members.privacy, 'put', `/w/${workspace.slug}/governance/notices/subscription`, { subscribe: true })

    const response = await asMember(client, operator, 'post', '/operator/subprocessors', ACME_MAIL)
    response.assertStatus(200)
    const subprocessor = await Subprocessor.findOrFail(response.body().id)
    assert.equal(Math.round(subprocessor.effectiveAt.diff(subprocessor.announcedAt, 'days').days), 30)

    const ownerMail = await smtpSink.lastTo(members.owner.email, /New subprocessor: Acme Mail/)
    assert.include(ownerMail.text, `/w/${workspace.slug}/governance/subprocessors`)
    await smtpSink.lastTo(members.privacy.email, /New subprocessor: Acme Mail/)
    assert.isFalse(smtpSink.messages.some((mail) => mail.to.includes(members.agent.email.toLowerCase())), 'agents did not subscribe')

    const feed = await client.get('/subprocessors.json')
    feed.assertStatus(200)
    const listed = feed.body().subprocessors.find((item: { name: string }) => item.name === 'Acme Mail')
    assert.include(listed, { legalEntity: 'Acme Mail GmbH', country: 'Germany', category: 'Email delivery', region: 'EU (Frankfurt)', transferMechanism: 'None (EU)', status: 'upcoming' })
    const page = await client.get('/subprocessors').withInertia()
    page.assertInertiaComponent('governance/public_subprocessors')

    const shorter = await asMember(client, operator, 'post', '/operator/subprocessors', { ...ACME_MAIL, name: 'Rush Ltd', noticeDays: 5 })
    shorter.assertStatus(422)
    assert.include(shorter.body().message, 'at least 30 days')
    const audited = await db.from('audit_entries').whereNull('workspace_id').where('action', 'subprocessor.announced').where('actor_type', 'operator').where('actor_id', operator.id)
    assert.lengthOf(audited, 1)
  })

  test('owners object during the notice period; afterwards the objection is refused; operators see objections', async ({ client, assert }) => {
    const operator = await operatorUser()
    const { workspace, members } = await workspaceWithEveryRole()
    const base = `/w/${workspace.slug}`
    const announced = await asMember(client, operator, 'post', '/operator/subprocessors', ACME_MAIL)
    const id = announced.body().id

    await assertRoleAccess(client, members, ['owner'], () => ({ method: 'post', url: `${base}/governance/subprocessors/${id}/objection`, body: { reason: 'Our customers require EU-only providers we audited.' } }))
    const again = await asMember(client, members.owner, 'post', `${base}/governance/subprocessors/${id}/objection`, { reason: 'Twice' })
    again.assertStatus(409)

    const notices = await client.get(`${base}/governance/subprocessors`).loginAs(members.owner).withInertia()
    const shown = notices.inertiaProps.subprocessors.find((item: { id: string }) => item.id === id)
    assert.equal(shown.objection.reason, 'Our customers require EU-only providers we audited.')

    const console = await client.get('/operator/subprocessors').loginAs(operator).withInertia()
    const registry = console.inertiaProps.subprocessors.find((item: { id: string }) => item.id === id)
    assert.deepInclude(registry.objections[0], { workspace: workspace.name, reason: 'Our customers require EU-only providers we audited.' })

    // The notice period ends
    await Subprocessor.query().where('id', id).update({ effective_at: DateTime.now().minus({ minutes: 1 }).toJSDate() })
    const other = await workspaceWithEveryRole()
    const late = await asMember(client, other.members.owner, 'post', `/w/${other.workspace.slug}/governance/subprocessors/${id}/objection`, { reason: 'Too late?' })
    late.assertStatus(409)
    assert.include(late.body().message, 'notice period')

    // Now in effect: a recipient for privacy requests (GDPR Art. 19)
    const recipients = (await Promise.all(recipientSourcesList().map((source) => source({ workspaceId: workspace.id, emails: [], phones: [], externalIds: [], ids: {} })))).flat()
    assert.isTrue(recipients.some((recipient) => recipient.kind === 'subprocessor' && recipient.name.startsWith('Acme Mail')))
  })

  test('the console answers 404 to everyone but operators; notices pages follow roles and tenancy', async ({ client }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const other = await workspaceWithEveryRole()
    for (const url of ['/operator', '/operator/subprocessors', '/operator/policies', '/operator/support']) {
      await assertAnswers404(client, members.owner, [{ method: 'get', url }])
    }
    await assertAnswers404(client, members.owner, [{ method: 'post', url: '/operator/subprocessors', body: ACME_MAIL }])
    const operator = await operatorUser()
    for (const [url, component] of [['/operator', 'operator/index'], ['/operator/subprocessors', 'operator/subprocessors'], ['/operator/policies', 'operator/policies'], ['/operator/support', 'operator/support']]) {
      const page = await client.get(url).loginAs(operator).withInertia()
      page.assertStatus(200)
      page.assertInertiaComponent(component)
    }
    await assertRoleAccess(client, members, ['owner', 'admin', 'privacy'], () => ({ method: 'get', url: `/w/${workspace.slug}/governance/subprocessors` }))
    await assertAnswers404(client, other.members.owner, [{ method: 'get', url: `/w/${workspace.slug}/governance/subprocessors` }])
  })

  test('the demo registry: subprocessors in use, one in its notice period, policy versions, consent purposes', async ({ client, assert }) => {
    const { workspace } = await workspaceWithEveryRole()
    await Subprocessor.query().delete()
    const { seedGovernanceDemo } = await import('#governance/index')
    await seedGovernanceDemo(workspace.id)
    const feed = await client.get('/subprocessors.json')
    const statuses = feed.body().subprocessors.map((item: { status: string }) => item.status)
    assert.equal(statuses.filter((status: string) => status === 'active').length, 5)
    assert.equal(statuses.filter((status: string) => status === 'upcoming').length, 1)
    const policy = await client.get('/privacy-policy').withInertia()
    assert.sameMembers(policy.inertiaProps.versions.map((version: { status: string }) => version.status), ['current', 'upcoming'])
  })

  test('an operator signing in lands on the console', async ({ client, assert }) => {
    const operator = await operatorUser()
    const response = await client.get('/app').loginAs(operator).redirects(0)
    response.assertStatus(302)
    assert.equal(response.header('location'), '/operator')
  })
})

test.group('Privacy policy versions', (group) => {
  governanceGroup(group)

  test('a version effective less than 30 days ahead is refused; otherwise owners are emailed and the public page shows it as upcoming', async ({ client, assert }) => {
    const operator = await operatorUser()
    const { members } = await workspaceWithEveryRole()
    const body = { version: '2027.1', title: 'Clearer retention section', summary: 'We explain retention periods per category.', body: 'Full text of the new policy.' }
    const early = await asMember(client, operator, 'post', '/operator/policies', { ...body, effectiveAt: DateTime.now().plus({ days: 10 }).toISODate() })
    early.assertStatus(422)
    assert.include(early.body().message, 'at least 30 days ahead')

    const ok = await asMember(client, operator, 'post', '/operator/policies', { ...body, effectiveAt: DateTime.now().plus({ days: 31 }).toISODate() })
    ok.assertStatus(200)
    const mail = await smtpSink.lastTo(members.owner.email, /Privacy policy update 2027\.1/)
    assert.include(mail.text, 'We explain retention periods per category.')

    const page = await client.get('/privacy-policy').withInertia()
    page.assertInertiaComponent('governance/public_policy')
    const version = page.inertiaProps.versions.find((item: { version: string }) => item.version === '2027.1')
    assert.equal(version.status, 'upcoming')
  })
})
