import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/identity_factories'
import { User } from '#identity/index'
import { smtpSink, SmtpSink } from '#tests/helpers/smtp_sink'
import PrivacyRequest from '#privacy/models/privacy_request'
import PrivacyCertificate from '#privacy/models/privacy_certificate'
import { verifyCertificate } from '#privacy/services/certificates'
import { readZip } from '#tests/privacy/zip'
import { exportProblems } from '#tests/privacy/export_check'
import { asUser, privacyGroup, privacyWorkspace } from '#tests/privacy/fixtures'

test.group('Privacy desk: workspace users asking the platform', (group) => {
  privacyGroup(group)

  test('a user asks for their account data from their profile; the operator fulfils it', async ({ client, assert }) => {
    const { members } = await privacyWorkspace()
    const operator = await UserFactory.merge({ isOperator: true }).create()
    const user = members.agent
    const submitted = await asUser(client, user, 'post', '/account/privacy/requests', { type: 'access' })
    submitted.assertStatus(302)
    const [request] = await PrivacyRequest.query().whereNull('workspace_id').where('requester_user_id', user.id)
    assert.equal(request.status, 'verified')
    assert.equal(request.verifiedVia, 'session')
    await smtpSink.lastTo(user.email, /We received your privacy request to Vaultdesk/)

    const page = await asUser(client, user, 'get', '/account/privacy')
    page.assertStatus(200)
    assert.include(page.text(), 'DSR-')

    ;(await asUser(client, operator, 'post', `/operator/privacy-requests/${request.id}/approve`)).assertStatus(302)
    ;(await asUser(client, operator, 'post', `/operator/privacy-requests/${request.id}/fulfil`)).assertStatus(302)
    const link = SmtpSink.linkIn(await smtpSink.lastTo(user.email, /is complete/), '/privacy/exports/')
    const archive = Buffer.from(await (await fetch(link)).arrayBuffer())
    const files = await readZip(archive)
    const { problems, tablesSeen } = exportProblems(files)
    assert.deepEqual(problems, [])
    assert.includeMembers(tablesSeen, ['users', 'memberships'])
    assert.notInclude([...files.values()].map(String).join(), user.password)
  })

  test('erasure of a workspace user anonymizes the account and signs a certificate', async ({ client, assert }) => {
    const { members } = await privacyWorkspace()
    const operator = await UserFactory.merge({ isOperator: true }).create()
    const user = members.agent
    const email = user.email
    await asUser(client, user, 'post', '/account/privacy/requests', { type: 'erasure' })
    const [request] = await PrivacyRequest.query().whereNull('workspace_id').where('requester_user_id', user.id)
    ;(await asUser(client, operator, 'post', `/operator/privacy-requests/${request.id}/approve`)).assertStatus(302)
    ;(await asUser(client, operator, 'post', `/operator/privacy-requests/${request.id}/fulfil`)).assertStatus(302)

    const erased = await User.findOrFail(user.id)
    assert.equal(erased.fullName, 'Erased user')
    assert.notEqual(erased.email, email)
    assert.equal(Number((await db.from('memberships').where('user_id', user.id).count('* as total'))[0].total), 0)
    const certificate = await PrivacyCertificate.query().whereNull('workspace_id').where('request_id', request.id).firstOrFail()
    assert.isTrue((await verifyCertificate({ algorithm: 'Ed25519', payload: certificate.payload, signature: certificate.signature, publicKey: certificate.publicKey })).valid)
    assert.includeMembers(certificate.payload.erased.map((item) => item.table), ['users', 'memberships'])
    await smtpSink.lastTo(email, /is complete/)
  })

  test('erasing the only owner of a workspace is blocked until ownership moves', async ({ client, assert }) => {
    const { workspace, members } = await privacyWorkspace()
    const operator = await UserFactory.merge({ isOperator: true }).create()
    await db.from('memberships').where('workspace_id', workspace.id).where('role', 'owner').whereNot('user_id', members.owner.id).delete()
    await asUser(client, members.owner, 'post', '/account/privacy/requests', { type: 'erasure' })
    const [request] = await PrivacyRequest.query().whereNull('workspace_id').where('requester_user_id', members.owner.id)
    ;(await asUser(client, operator, 'post', `/operator/privacy-requests/${request.id}/approve`)).assertStatus(302)
    const blocked = await asUser(client, operator, 'post', `/operator/privacy-requests/${request.id}/fulfil`)
    blocked.assertStatus(409)
    assert.include(blocked.body().message, `only owner of ${workspace.name}`)
    assert.equal((await User.findOrFail(members.owner.id)).email, members.owner.email)
  })
})
