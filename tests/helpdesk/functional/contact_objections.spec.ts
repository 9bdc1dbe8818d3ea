import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Contact from '#helpdesk/models/contact'
import CreateContact from '#helpdesk/actions/create_contact'
import { unionOfObjections } from '#helpdesk/actions/merge_contacts'
import { helpdeskSubjectDataProvider } from '#helpdesk/privacy_provider'
import { asMember, helpdeskGroup, helpdeskWorkspace } from '#tests/helpdesk/fixtures'

/** Objections recorded the way the privacy desk records them (through the helpdesk's provider). */
async function objectFor(workspaceId: string, contactId: string, purposes: string[]) {
  await helpdeskSubjectDataProvider.object!({ workspaceId, emails: [], phones: [], externalIds: [], ids: { contact: [contactId] } }, purposes)
}

test.group('Contacts: processing objections', (group) => {
  helpdeskGroup(group)

  test('the contact page shows each objection with its purpose and date, and the restriction', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const contact = await new CreateContact().handle(workspace.id, { email: 'objector@example.test', name: 'Olga Objector' })
    const plain = await client.get(`${base}/contacts/${contact.id}`).loginAs(members.agent).withInertia()
    plain.assertStatus(200)
    assert.deepEqual((plain.inertiaProps as any).contact.processingObjections, [])
    assert.isNull((plain.inertiaProps as any).contact.processingRestrictedAt)

    await objectFor(workspace.id, contact.id, ['marketing', 'ai'])
    const page = await client.get(`${base}/contacts/${contact.id}`).loginAs(members.agent).withInertia()
    const objections = (page.inertiaProps as any).contact.processingObjections as { purpose: string; since: string }[]
    assert.sameMembers(
      objections.map((objection) => objection.purpose),
      ['ai', 'marketing']
    )
    for (const objection of objections) assert.isTrue(DateTime.fromISO(objection.since).isValid, `${objection.purpose} has a date`)
  })

  test('merging two contacts keeps the union of their objections (earliest date) and the restriction', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const keep = await new CreateContact().handle(workspace.id, { email: 'keep@example.test' })
    const duplicate = await new CreateContact().handle(workspace.id, { email: 'dupe@example.test' })
    keep.processingObjections = { analytics: '2026-03-01T10:00:00.000Z', marketing: '2026-05-01T10:00:00.000Z' }
    await keep.save()
    duplicate.merge({ processingObjections: { marketing: '2026-02-01T10:00:00.000Z', surveys: '2026-04-01T10:00:00.000Z' }, processingRestrictedAt: DateTime.fromISO('2026-04-02T10:00:00.000Z') })
    await duplicate.save()

    const response = await asMember(client, members.agent, 'post', `${base}/contacts/${keep.id}/merge`, { sourceContactId: duplicate.id })
    response.assertStatus(200)
    const merged = await Contact.findOrFail(keep.id)
    assert.deepEqual(merged.processingObjections, {
      analytics: '2026-03-01T10:00:00.000Z',
      marketing: '2026-02-01T10:00:00.000Z',
      surveys: '2026-04-01T10:00:00.000Z',
    })
    assert.equal(merged.processingRestrictedAt?.toUTC().toISO(), '2026-04-02T10:00:00.000Z')
    assert.isNull(await Contact.find(duplicate.id))

    const page = await client.get(`${base}/contacts/${keep.id}`).loginAs(members.agent).withInertia()
    assert.deepEqual((page.inertiaProps as any).contact.processingObjections, [
      { purpose: 'marketing', since: '2026-02-01T10:00:00.000Z' },
      { purpose: 'analytics', since: '2026-03-01T10:00:00.000Z' },
      { purpose: 'surveys', since: '2026-04-01T10:00:00.000Z' },
    ])
    assert.isNotNull((page.inertiaProps as any).contact.processingRestrictedAt)
  })

  test('union of objections: either side alone, both, none', ({ assert }) => {
    assert.deepEqual(unionOfObjections(null, undefined), {})
    assert.deepEqual(unionOfObjections({ ai: '2026-01-02' }, null), { ai: '2026-01-02' })
    assert.deepEqual(unionOfObjections({ ai: '2026-01-02' }, { ai: '2026-01-01', analytics: '2026-01-03' }), { ai: '2026-01-01', analytics: '2026-01-03' })
  })
})
