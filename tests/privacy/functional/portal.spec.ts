import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { smtpSink, SmtpSink } from '#tests/helpers/smtp_sink'
import PrivacyRequest from '#privacy/models/privacy_request'
import { asUser, contactWithHistory, privacyGroup, privacyWorkspace, submitAndVerify, submitOnPortal } from '#tests/privacy/fixtures'

test.group('Privacy portal: intake and verification', (group) => {
  privacyGroup(group)

  test('a subject submits, confirms by the mailed link, and sees the status page', async ({ client, assert }) => {
    const { workspace } = await privacyWorkspace()
    const { email } = await contactWithHistory(workspace.id)
    const portal = await client.get(`/privacy/${workspace.slug}`)
    portal.assertStatus(200)

    const { request, statusPath } = await submitAndVerify(client, workspace.slug, { type: 'access', email })
    assert.equal(request.status, 'verified')
    assert.equal(request.verifiedVia, 'email')
    assert.equal(request.workspaceId, workspace.id)
    const acknowledgement = await smtpSink.lastTo(email, /We received your privacy request/)
    assert.include(acknowledgement.text, statusPath.split('?')[0])

    const status = await client.get(statusPath)
    status.assertStatus(200)
    assert.include(status.text(), 'verified')
    // The address is sealed at rest, found by its blind index only.
    const raw = await db.from('privacy_requests').where('id', request.id).first()
    assert.match(raw.email, /^vd1:/)
    assert.notInclude(JSON.stringify(raw), email)
  })

  test('an unknown workspace slug answers the 404 page', async ({ client }) => {
    const response = await client.get('/privacy/no-such-workspace-here')
    response.assertStatus(404)
    const submitted = await submitOnPortal(client, 'no-such-workspace-here', { type: 'access', email: 'a@example.test' })
    submitted.assertStatus(404)
  })

  test('bad input gets 422 with messages, never a 500', async ({ client, assert }) => {
    const { workspace } = await privacyWorkspace()
    for (const body of [
      { type: 'access', email: 'not-an-email' },
      { type: 'delete-everything', email: 'a@example.test' },
      { type: 'access', email: 'a@example.test', regime: 'mars' },
      { type: 'objection', email: 'a@example.test', purposes: ['mind-control'] },
      { type: 'access', email: 'a@example.test', message: 'x'.repeat(2001) },
    ]) {
      const response = await submitOnPortal(client, workspace.slug, body)
      assert.equal(response.status(), 422, JSON.stringify(body))
    }
    assert.equal(Number((await db.from('privacy_requests').where('workspace_id', workspace.id).count('* as total'))[0].total), 0)
  })

  test('a reused confirmation link answers 410, and so does an expired or tampered one', async ({ client, assert }) => {
    const { workspace } = await privacyWorkspace()
    const { verifyLink } = await submitAndVerify(client, workspace.slug, { type: 'access', email: 'reuse@example.test' })
    const reused = await client.get(new URL(verifyLink).pathname + new URL(verifyLink).search).redirects(0)
    reused.assertStatus(410)

    await submitOnPortal(client, workspace.slug, { type: 'erasure', email: 'late@example.test' })
    const mail = await smtpSink.lastTo('late@example.test', /Confirm/)
    const link = new URL(SmtpSink.linkIn(mail, `/privacy/${workspace.slug}/verify/`))
    await db.from('privacy_requests').where('workspace_id', workspace.id).where('type', 'erasure').update({ verification_expires_at: DateTime.now().minus({ minutes: 1 }).toJSDate() })
    const expired = await client.get(link.pathname + link.search).redirects(0)
    expired.assertStatus(410)
    assert.include(expired.text(), 'expired')

    const tampered = await client.get(link.pathname.replace(/.$/, 'x') + link.search).redirects(0)
    tampered.assertStatus(410)
  })

  test('a second request of the same type by the same person is merged into the open one', async ({ client, assert }) => {
    const { workspace } = await privacyWorkspace()
    await submitOnPortal(client, workspace.slug, { type: 'access', email: 'Twice@Example.test' })
    await submitOnPortal(client, workspace.slug, { type: 'access', email: 'twice@example.test' })
    await submitOnPortal(client, workspace.slug, { type: 'erasure', email: 'twice@example.test' })
    const requests = await PrivacyRequest.query().where('workspace_id', workspace.id).orderBy('type')
    assert.deepEqual(requests.map((request) => [request.type, request.mergedCount]), [['access', 1], ['erasure', 0]])
  })

  test('flooding the intake form is refused with 429', async ({ client, assert }) => {
    const { workspace } = await privacyWorkspace()
    const statuses: number[] = []
    for (let index = 0; index < 7; index++) {
      statuses.push((await submitOnPortal(client, workspace.slug, { type: 'access', email: `flood${index}@example.test` })).status())
    }
    assert.deepEqual(statuses.slice(0, 5), [302, 302, 302, 302, 302])
    assert.deepEqual(statuses.slice(5), [429, 429])
  })

  test('deadlines: GDPR one month (or the stricter workspace target), CCPA acknowledgement in 10 business days', async ({ client, assert }) => {
    const { workspace } = await privacyWorkspace()
    await submitOnPortal(client, workspace.slug, { type: 'access', email: 'gdpr@example.test', regime: 'gdpr' })
    await submitOnPortal(client, workspace.slug, { type: 'access', email: 'ccpa@example.test', regime: 'ccpa' })
    const [ccpa, gdpr] = await PrivacyRequest.query().where('workspace_id', workspace.id).orderBy('regime')
    const days = (request: PrivacyRequest) => Math.round(request.dueAt.diff(request.receivedAt, 'days').days)
    assert.closeTo(days(gdpr), 30, 1) // one month, capped by the 30-day target
    assert.closeTo(days(ccpa), 30, 1) // 45 days by law, 30 by the workspace's target
    assert.isNotNull(ccpa.acknowledgeBy)
    assert.isNull(gdpr.acknowledgeBy)
  })

  test('an owner’s stricter target (14 days) sets the due date of new requests', async ({ client, assert }) => {
    const { workspace, members } = await privacyWorkspace()
    const saved = await asUser(client, members.owner, 'put', `/w/${workspace.slug}/privacy/settings`, { targetDays: 14, defaultRegime: 'ccpa' })
    saved.assertStatus(302)
    ;(await asUser(client, members.owner, 'put', `/w/${workspace.slug}/privacy/settings`, { targetDays: 0, defaultRegime: 'ccpa' })).assertStatus(422)
    await submitOnPortal(client, workspace.slug, { type: 'access', email: 'strict@example.test' })
    const [request] = await PrivacyRequest.query().where('workspace_id', workspace.id)
    assert.equal(request.regime, 'ccpa')
    assert.closeTo(Math.round(request.dueAt.diff(request.receivedAt, 'days').days), 14, 1)
  })
})
