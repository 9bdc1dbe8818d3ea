import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { subjectDataProviders } from '#core/subject_data'
import { RecordConsent, SaveConsentPurpose, consentLink } from '#governance/index'
import ConsentEvent from '#governance/models/consent_event'
import { workspaceWithEveryRole } from '#tests/helpers/identity'
import { assertAnswers404, assertRoleAccess } from '#tests/helpers/tenancy'
import { contactWritesIn, governanceGroup } from '#tests/governance/fixtures'

const MARKETING_TEXT = 'Send me product news by email, at most twice a month.'

async function setup() {
  const { workspace, members } = await workspaceWithEveryRole()
  const { version } = await new SaveConsentPurpose().handle({ workspaceId: workspace.id, key: 'marketing_emails', name: 'Marketing emails', text: MARKETING_TEXT })
  const { contact } = await contactWritesIn(workspace.id)
  return { workspace, members, version, contact }
}

function pathOf(link: string) {
  const url = new URL(link)
  return url.pathname + url.search
}

test.group('Consent ledger', (group) => {
  governanceGroup(group)

  test('grants and withdrawals are append-only events with the exact text hash, channel and a keyed IP hash', async ({ assert }) => {
    const { workspace, version, contact } = await setup()
    const grant = await new RecordConsent().handle({ workspaceId: workspace.id, subject: { type: 'contact', id: contact.id }, purposeKey: 'marketing_emails', decision: 'grant', textHash: version.textHash, channel: 'widget', ip: '203.0.113.7' })
    assert.equal(grant.decision, 'grant')
    assert.equal(grant.textHash, version.textHash)
    assert.match(grant.ipHash!, /^[\w-]{43}$/)
    assert.notInclude(grant.ipHash!, '203.0.113.7')

    // A new text is a new version; events keep the text they were given for
    const { version: second } = await new SaveConsentPurpose().handle({ workspaceId: workspace.id, key: 'marketing_emails', name: 'Marketing emails', text: `${MARKETING_TEXT} Unsubscribe any time.` })
    assert.equal(second.version, 2)
    await assert.rejects(() => new RecordConsent().handle({ workspaceId: workspace.id, subject: { type: 'contact', id: contact.id }, purposeKey: 'marketing_emails', decision: 'grant', textHash: 'f'.repeat(64), channel: 'widget' }), /not a known version/)

    // Each attempt in its own savepoint: a refused statement aborts the transaction around it.
    await assert.rejects(() => db.transaction((trx) => trx.rawQuery('UPDATE consent_events SET decision = ? WHERE id = ?', ['withdraw', grant.id])), /append-only/)
    await assert.rejects(() => db.transaction((trx) => trx.rawQuery('DELETE FROM consent_events WHERE id = ?', [grant.id])), /append-only/)
    assert.equal((await ConsentEvent.findOrFail(grant.id)).decision, 'grant')
  })

  test('a grant sent with Sec-GPC: 1 is recorded as a refusal', async ({ client, assert }) => {
    const { workspace, version, contact } = await setup()
    const link = pathOf(consentLink(workspace.id, { type: 'contact', id: contact.id }))
    const response = await client.post(link).header('sec-gpc', '1').json({ purpose: 'marketing_emails', decision: 'grant', textHash: version.textHash }).withCsrfToken().accept('json')
    response.assertStatus(200)
    assert.equal(response.body().decision, 'refuse')
    const event = await ConsentEvent.query().where('subject_id', contact.id).firstOrFail()
    assert.equal(event.decision, 'refuse')
    assert.isTrue(event.gpc)
  })

  test('withdrawal is one click from the signed link; a tampered link is refused', async ({ client, assert }) => {
    const { workspace, version, contact } = await setup()
    await new RecordConsent().handle({ workspaceId: workspace.id, subject: { type: 'contact', id: contact.id }, purposeKey: 'marketing_emails', decision: 'grant', textHash: version.textHash, channel: 'widget' })
    const link = pathOf(consentLink(workspace.id, { type: 'contact', id: contact.id }))
    const page = await client.get(link).withInertia()
    page.assertInertiaComponent('governance/public_consent')
    assert.isTrue(page.inertiaProps.purposes[0].granted)

    const withdrawn = await client.post(link).json({ purpose: 'marketing_emails', decision: 'withdraw' }).withCsrfToken().accept('json')
    withdrawn.assertStatus(200)
    assert.equal(withdrawn.body().decision, 'withdraw')
    const events = await ConsentEvent.query().where('subject_id', contact.id).orderBy('id')
    assert.deepEqual(events.map((event) => event.decision), ['grant', 'withdraw'])
    assert.equal(events[1].channel, 'consent_link')
    assert.equal(events[1].textHash, version.textHash)

    const tampered = link.replace(contact.id, '00000000-0000-4000-8000-000000000000')
    ;(await client.get(tampered)).assertStatus(410)
    ;(await client.post(tampered).json({ purpose: 'marketing_emails', decision: 'grant' }).withCsrfToken().accept('json')).assertStatus(410)
  })

  test('staff see the history with the exact text shown, download proof; roles and tenancy', async ({ client, assert }) => {
    const { workspace, members, version, contact } = await setup()
    await new RecordConsent().handle({ workspaceId: workspace.id, subject: { type: 'contact', id: contact.id }, purposeKey: 'marketing_emails', decision: 'grant', textHash: version.textHash, channel: 'widget' })
    await new RecordConsent().handle({ workspaceId: workspace.id, subject: { type: 'contact', id: contact.id }, purposeKey: 'marketing_emails', decision: 'withdraw', channel: 'consent_link' })
    const base = `/w/${workspace.slug}`
    const page = await client.get(`${base}/governance/consent?subjectType=contact&subjectId=${contact.id}`).loginAs(members.privacy).withInertia()
    page.assertInertiaComponent('governance/consent')
    assert.deepEqual(page.inertiaProps.history.map((event: { decision: string }) => event.decision), ['withdraw', 'grant'])
    assert.equal(page.inertiaProps.history[1].text, MARKETING_TEXT)
    assert.include(page.inertiaProps.consentLink, `/consent/${workspace.id}/contact/${contact.id}?signature=`)

    const proof = await client.get(`${base}/governance/consent/proof?subjectType=contact&subjectId=${contact.id}`).loginAs(members.owner)
    proof.assertStatus(200)
    assert.equal(proof.body().events[1].textHash, version.textHash)

    await assertRoleAccess(client, members, ['owner', 'admin', 'privacy'], () => ({ method: 'get', url: `${base}/governance/consent` }))
    await assertRoleAccess(client, members, ['owner', 'admin'], (role) => ({ method: 'post', url: `${base}/governance/consent/purposes`, body: { key: `analytics_${role}`, name: 'Widget analytics', text: 'Measure how the widget is used.' } }))
    const other = await workspaceWithEveryRole()
    await assertAnswers404(client, other.members.owner, [
      { method: 'get', url: `${base}/governance/consent` },
      { method: 'get', url: `${base}/governance/consent/proof?subjectId=${contact.id}` },
    ])
  })

  test('privacy requests export consent events and keep them as proof on erasure', async ({ assert }) => {
    const { workspace, version, contact } = await setup()
    await new RecordConsent().handle({ workspaceId: workspace.id, subject: { type: 'contact', id: contact.id }, purposeKey: 'marketing_emails', decision: 'grant', textHash: version.textHash, channel: 'widget' })
    const provider = subjectDataProviders().find((item) => item.module === 'governance')!
    const subject = { workspaceId: workspace.id, emails: [], phones: [], externalIds: [], ids: { contact: [contact.id] } }
    const [records] = await provider.collect(subject)
    assert.equal(records.rows[0].decision, 'grant')
    const [outcome] = await provider.erase(subject)
    assert.equal(outcome.action, 'retained')
    assert.match(outcome.legalBasis!, /Art\. 7\(1\)/)
  })
})
