import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Contact, CreateContact } from '#helpdesk/index'
import PrivacyRequest from '#privacy/models/privacy_request'
import PrivacyCertificate from '#privacy/models/privacy_certificate'
import { assertAnswers404 } from '#tests/helpers/tenancy'
import { approveAndFulfil, asUser, privacyGroup, privacyWorkspace, submitAndVerify } from '#tests/privacy/fixtures'

type DataFound = { total: number; tables: { table: string; rows: number }[] } | null

async function dataFoundOf(client: Parameters<typeof asUser>[0], user: Parameters<typeof asUser>[1], url: string) {
  const page = await client.get(url).loginAs(user).withInertia()
  page.assertStatus(200)
  return (page.inertiaProps as any).request as { dataFound: DataFound; extraIdentifiers: { kind: string; value: string }[] }
}

test.group('Privacy desk: further identifiers', (group) => {
  privacyGroup(group)

  test('staff add a phone and an external id: the data found, and the erasure, cover the records found by them', async ({ client, assert }) => {
    const { workspace, members, desk } = await privacyWorkspace()
    const byPhone = await new CreateContact().handle(workspace.id, { name: 'Phone Only', phone: '+49 30 1234567' })
    const byCrmId = await new CreateContact().handle(workspace.id, { name: 'Crm Only', externalIds: [{ system: 'crm', value: 'cus_4711' }] })
    const { request } = await submitAndVerify(client, workspace.slug, { type: 'erasure', email: 'pat@example.test' })
    const url = `${desk}/${request.id}`
    assert.equal((await dataFoundOf(client, members.privacy, url)).dataFound?.total, 0)

    ;(await asUser(client, members.privacy, 'post', `${url}/identifiers`, { kind: 'phone', value: '+49 (30) 123 4567' })).assertStatus(302)
    ;(await asUser(client, members.privacy, 'post', `${url}/identifiers`, { kind: 'external_id', value: 'cus_4711' })).assertStatus(302)
    const shown = await dataFoundOf(client, members.privacy, url)
    assert.deepEqual(shown.extraIdentifiers, [
      { kind: 'Phone', value: '+49 (30) 123 4567' },
      { kind: 'External id', value: 'cus_4711' },
    ])
    assert.equal(shown.dataFound?.tables.find((table) => table.table === 'contacts')?.rows, 2)

    // Sealed at rest; the audit log knows the kind, never the value.
    const raw = await db.from('privacy_requests').where('id', request.id).first()
    assert.notInclude(raw.extra_identifiers, 'cus_4711')
    const audited = await db.from('audit_entries').where('target_id', request.id).where('action', 'privacy.request_identifier_added')
    assert.lengthOf(audited, 2)
    assert.notInclude(JSON.stringify(audited), 'cus_4711')
    assert.notInclude(JSON.stringify(audited), '4567')

    const fulfilled = await approveAndFulfil(client, members.privacy, desk, request.id)
    assert.oneOf(fulfilled.status(), [200, 302])
    await request.refresh()
    assert.equal(request.status, 'completed')
    assert.isNull(await Contact.find(byPhone.id))
    assert.isNull(await Contact.find(byCrmId.id))
    assert.isNull(request.extraIdentifiers)
    const certificate = await PrivacyCertificate.findByOrFail('request_id', request.id)
    assert.equal(certificate.payload.residueCheck.findings, 0)
  })

  test('bad input 422, closed requests 409, other workspaces 404, roles without the desk 403', async ({ client }) => {
    const { workspace, members, desk } = await privacyWorkspace()
    const other = await privacyWorkspace()
    const { request } = await submitAndVerify(client, workspace.slug, { type: 'access', email: 'quinn@example.test' })
    const url = `${desk}/${request.id}/identifiers`
    ;(await asUser(client, members.privacy, 'post', url, { kind: 'email', value: 'quinn@other.test' })).assertStatus(422)
    ;(await asUser(client, members.privacy, 'post', url, { kind: 'phone', value: '' })).assertStatus(422)
    ;(await asUser(client, members.agent, 'post', url, { kind: 'phone', value: '+49 30 1234567' })).assertStatus(403)
    await assertAnswers404(client, other.members.privacy, [
      { method: 'post', url: `${other.desk}/${request.id}/identifiers`, body: { kind: 'phone', value: '+49 30 1234567' } },
    ])
    await PrivacyRequest.query().where('id', request.id).update({ status: 'rejected' })
    ;(await asUser(client, members.privacy, 'post', url, { kind: 'phone', value: '+49 30 1234567' })).assertStatus(409)
  })
})
