import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import LegalHold from '#governance/models/legal_hold'
import { registerErasureGuard, registerRecipientSource, unregisterErasureGuard, unregisterRecipientSource } from '#core/subject_data'
import { ScanForPlaintext } from '#vault/index'
import { Contact, isProcessingAllowed } from '#helpdesk/index'
import { smtpSink, SmtpSink } from '#tests/helpers/smtp_sink'
import PrivacyRequest from '#privacy/models/privacy_request'
import PrivacyCertificate from '#privacy/models/privacy_certificate'
import PrivacyExport from '#privacy/models/privacy_export'
import { verifyCertificate, trustedPublicKeys } from '#privacy/services/certificates'
import { checkResidue } from '#privacy/services/residue_check'
import { approveAndFulfil, asUser, contactWithHistory, privacyGroup, privacyWorkspace, submitAndVerify } from '#tests/privacy/fixtures'
import { readZip } from '#tests/privacy/zip'
import { exportProblems } from '#tests/privacy/export_check'

async function download(url: string) {
  const response = await fetch(url, { redirect: 'manual' })
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) }
}

test.group('Privacy desk: fulfilment', (group) => {
  privacyGroup(group)

  test('access: the export ZIP holds every declared exported field, nothing else, and downloads once', async ({ client, assert }) => {
    const { workspace, members, desk } = await privacyWorkspace()
    const { email, contact } = await contactWithHistory(workspace.id)
    const other = await contactWithHistory(workspace.id)
    const { request } = await submitAndVerify(client, workspace.slug, { type: 'access', email })

    // Staff see the data found across modules (counts by category, a preview) before fulfilling.
    const page = await asUser(client, members.privacy, 'get', `${desk}/${request.id}`)
    page.assertStatus(200)
    for (const table of ['ticket_messages', 'ticket_attachments', 'analytics_events', 'search_tokens']) assert.include(page.text(), table)

    const fulfilled = await approveAndFulfil(client, members.privacy, desk, request.id)
    fulfilled.assertStatus(302)
    await request.refresh()
    assert.equal(request.status, 'completed')

    const mail = await smtpSink.lastTo(email, /is complete/)
    const link = SmtpSink.linkIn(mail, '/privacy/exports/')
    const first = await download(link)
    assert.equal(first.status, 200)
    const files = await readZip(first.body)
    assert.isTrue(files.has('index.html'))
    assert.isTrue(files.has('manifest.json'))
    assert.isTrue([...files.keys()].some((path) => path.startsWith('csv/helpdesk.tickets')))
    const { problems, tablesSeen } = exportProblems(files)
    assert.deepEqual(problems, [])
    for (const table of ['contacts', 'tickets', 'ticket_messages', 'ticket_attachments']) assert.include(tablesSeen, table)
    const attachment = [...files.entries()].find(([path]) => path.startsWith('attachments/'))
    assert.equal(attachment?.[1].toString(), 'the screenshot content of sam')
    const everything = [...files.values()].map((file) => file.toString('utf8')).join('\n')
    assert.include(everything, 'my invoice seems wrong')
    assert.include(everything, email)
    assert.notInclude(everything, other.email, 'another contact’s data is not in the export')
    assert.notInclude(everything, contact.emailIndex!, 'blind indexes are never exported')

    const again = await download(link)
    assert.equal(again.status, 410)
    const exported = await PrivacyExport.query().where('request_id', request.id).firstOrFail()
    assert.isNotNull(exported.downloadedAt)
    assert.isNull(exported.storageKey)
  })

  test('access for a subject with no data completes with a "nothing held" answer', async ({ client, assert }) => {
    const { workspace, members, desk } = await privacyWorkspace()
    const { request } = await submitAndVerify(client, workspace.slug, { type: 'access', email: 'stranger@example.test' })
    const fulfilled = await approveAndFulfil(client, members.owner, desk, request.id)
    fulfilled.assertStatus(302)
    await request.refresh()
    assert.equal(request.status, 'completed')
    const mail = await smtpSink.lastTo('stranger@example.test', /is complete/)
    assert.include(mail.text, 'holds no personal data')
    assert.equal(Number((await db.from('privacy_exports').where('request_id', request.id).count('* as total'))[0].total), 0)
  })

  test('an export of an unverified request cannot be downloaded (403)', async ({ client, assert }) => {
    const { workspace, members, desk } = await privacyWorkspace()
    const { email } = await contactWithHistory(workspace.id)
    const { request } = await submitAndVerify(client, workspace.slug, { type: 'access', email })
    ;(await approveAndFulfil(client, members.owner, desk, request.id)).assertStatus(302)
    const link = SmtpSink.linkIn(await smtpSink.lastTo(email, /is complete/), '/privacy/exports/')
    await db.from('privacy_requests').where('id', request.id).update({ verified_at: null })
    const response = await download(link)
    assert.equal(response.status, 403)
  })

  test('an expired download link answers 410 with a message', async ({ client, assert }) => {
    const { workspace, members, desk } = await privacyWorkspace()
    const { email } = await contactWithHistory(workspace.id)
    const { request } = await submitAndVerify(client, workspace.slug, { type: 'portability', email })
    await approveAndFulfil(client, members.owner, desk, request.id)
    const link = SmtpSink.linkIn(await smtpSink.lastTo(email, /is complete/), '/privacy/exports/')
    await db.from('privacy_exports').where('request_id', request.id).update({ expires_at: new Date(Date.now() - 1000) })
    const response = await download(link)
    assert.equal(response.status, 410)
    assert.include(response.body.toString(), 'expired')
  })

  test('erasure: providers erase, keys are shredded, no residue, the vault scan passes and the certificate verifies', async ({ client, assert }) => {
    const { workspace, members, desk } = await privacyWorkspace()
    const { email, contact, tickets } = await contactWithHistory(workspace.id)
    const kept = await contactWithHistory(workspace.id)
    registerRecipientSource('test_recipients', async () => [{ name: 'Mailchimp', kind: 'integration', purpose: 'Newsletters' }])
    try {
      await submitAndVerify(client, workspace.slug, { type: 'access', email })
      const { request } = await submitAndVerify(client, workspace.slug, { type: 'erasure', email })
      const fulfilled = await approveAndFulfil(client, members.privacy, desk, request.id)
      fulfilled.assertStatus(302)

      const [reloaded] = await PrivacyRequest.query().where('id', request.id).limit(1)
      assert.equal(reloaded.status, 'completed')
      assert.isNull(reloaded.email)
      assert.isNull(reloaded.emailIndex)

      for (const table of ['contacts', 'tickets', 'ticket_messages', 'ticket_attachments', 'search_tokens', 'analytics_events', 'contact_external_ids']) {
        const column = table === 'contacts' ? 'id' : 'contact_id'
        const [{ total }] = await db.from(table).where('workspace_id', workspace.id).where(column, contact.id).count('* as total')
        assert.equal(Number(total), 0, `${table} still holds the contact`)
      }
      assert.equal(Number((await db.from('tickets').whereIn('id', tickets.map((ticket) => ticket.id)).count('* as total'))[0].total), 0)
      assert.isNotNull(await Contact.find(kept.contact.id), 'other contacts stay')

      const certificate = await PrivacyCertificate.query().where('request_id', request.id).firstOrFail()
      const document = { algorithm: 'Ed25519', payload: certificate.payload, signature: certificate.signature, publicKey: certificate.publicKey }
      assert.deepEqual(await verifyCertificate(document, await trustedPublicKeys()), { valid: true })
      const tampered = { ...document, payload: { ...certificate.payload, destroyedKeys: [] } }
      assert.isFalse((await verifyCertificate(tampered)).valid)
      assert.equal(certificate.payload.residueCheck.findings, 0)
      assert.equal(certificate.payload.residueCheck.vaultScanFindings, 0)
      assert.isAbove(certificate.payload.residueCheck.searchedColumns, 10)
      assert.isTrue(certificate.payload.destroyedKeys.some((key) => key.startsWith(`contact:${contact.id}`)))
      const tables = certificate.payload.erased.map((item) => item.table)
      for (const table of ['ticket_messages', 'ticket_attachments', 'search_tokens', 'analytics_events', 'contacts']) assert.include(tables, table)
      assert.notInclude(JSON.stringify(certificate.payload), email)
      assert.isTrue(certificate.payload.retained.some((item) => item.table === 'privacy_requests'))

      const residue = await checkResidue({ workspaceId: workspace.id, emails: [email], phones: [], externalIds: [], ids: { contact: [contact.id] } })
      assert.deepEqual(residue.findings, [])
      assert.deepEqual((await new ScanForPlaintext().handle()).findings, [])
      await assert.rejects(() => Contact.findOrFail(contact.id))

      const mail = await smtpSink.lastTo(email, /is complete/)
      assert.include(mail.text, certificate.id)
      const tasks = await db.from('privacy_recipient_tasks').where('request_id', request.id)
      assert.deepEqual(tasks.map((task) => task.recipient_name), ['Mailchimp'])

      // Staff download the certificate; the request page still opens with the identifiers gone.
      const file = await asUser(client, members.owner, 'get', `${desk}/${request.id}/certificate`)
      file.assertStatus(200)
      assert.equal(file.body().signature, certificate.signature)
      const shown = await asUser(client, members.owner, 'get', `${desk}/${request.id}`)
      assert.notEqual(shown.status(), 500)
    } finally {
      unregisterRecipientSource('test_recipients')
    }
  })

  test('erasure under a legal hold is blocked, with the reason shown to staff', async ({ client, assert }) => {
    const { workspace, members, desk } = await privacyWorkspace()
    const { email, contact } = await contactWithHistory(workspace.id)
    registerErasureGuard('test_hold', async (subject) => (subject.ids.contact?.includes(contact.id) ? 'Legal hold LH-7: litigation with Acme (until 2027-01-01)' : null))
    try {
      const { request } = await submitAndVerify(client, workspace.slug, { type: 'erasure', email })
      const response = await approveAndFulfil(client, members.privacy, desk, request.id)
      response.assertStatus(409)
      assert.include(response.body().message, 'Legal hold LH-7')
      await request.refresh()
      assert.equal(request.status, 'in_progress')
      assert.include(request.blockedReason!, 'LH-7')
      assert.isNotNull(await Contact.find(contact.id), 'nothing was erased')
    } finally {
      unregisterErasureGuard('test_hold')
    }
  })

  test('governance’s legal hold on the contact blocks the erasure; releasing it lets the erasure run', async ({ client, assert }) => {
    const { workspace, members, desk } = await privacyWorkspace()
    const { email, contact } = await contactWithHistory(workspace.id)
    const hold = await LegalHold.create({ workspaceId: workspace.id, scope: 'contact', targetId: contact.id, reason: 'Case 2026-114: dispute over a refund', placedByUserId: members.owner.id, placedAt: DateTime.now() })
    const { request } = await submitAndVerify(client, workspace.slug, { type: 'erasure', email })
    const blocked = await approveAndFulfil(client, members.privacy, desk, request.id)
    blocked.assertStatus(409)
    const page = await asUser(client, members.privacy, 'get', `${desk}/${request.id}`)
    assert.include(page.text(), 'Case 2026-114')

    hold.releasedAt = DateTime.now()
    await hold.save()
    ;(await asUser(client, members.privacy, 'post', `${desk}/${request.id}/fulfil`)).assertStatus(302)
    await request.refresh()
    assert.equal(request.status, 'completed')
    assert.isNull(request.blockedReason)
    assert.isNull(await Contact.find(contact.id))
  })

  test('extension needs a reason, only once, and the subject is told why', async ({ client, assert }) => {
    const { workspace, members, desk } = await privacyWorkspace()
    const { request } = await submitAndVerify(client, workspace.slug, { type: 'access', email: 'slow@example.test' })
    const missing = await asUser(client, members.privacy, 'post', `${desk}/${request.id}/extend`, { reason: '' })
    missing.assertStatus(422)
    const extended = await asUser(client, members.privacy, 'post', `${desk}/${request.id}/extend`, { reason: 'Your data spans several archived systems.' })
    extended.assertStatus(302)
    await request.refresh()
    assert.isNotNull(request.extendedDueAt)
    assert.isTrue(request.extendedDueAt! > request.dueAt)
    const mail = await smtpSink.lastTo('slow@example.test', /needs more time/)
    assert.include(mail.text, 'several archived systems')
    const twice = await asUser(client, members.privacy, 'post', `${desk}/${request.id}/extend`, { reason: 'Again please' })
    twice.assertStatus(409)

    // Only inside the first period: after the original deadline an extension is refused.
    const late = await submitAndVerify(client, workspace.slug, { type: 'access', email: 'late-extension@example.test' })
    await db.from('privacy_requests').where('id', late.request.id).update({ due_at: new Date(Date.now() - 86_400_000) })
    const refused = await asUser(client, members.privacy, 'post', `${desk}/${late.request.id}/extend`, { reason: 'Too late now' })
    refused.assertStatus(409)
    assert.include(refused.body().message, 'first period is over')
  })

  test('rejection needs a reason and mails it; a rejected request cannot be approved', async ({ client, assert }) => {
    const { workspace, members, desk } = await privacyWorkspace()
    const { request } = await submitAndVerify(client, workspace.slug, { type: 'erasure', email: 'no@example.test' })
    ;(await asUser(client, members.owner, 'post', `${desk}/${request.id}/reject`, {})).assertStatus(422)
    ;(await asUser(client, members.owner, 'post', `${desk}/${request.id}/reject`, { reason: 'Manifestly unfounded: repeated request' })).assertStatus(302)
    assert.include((await smtpSink.lastTo('no@example.test', /declined/)).text, 'Manifestly unfounded')
    ;(await asUser(client, members.owner, 'post', `${desk}/${request.id}/approve`)).assertStatus(409)
  })

  test('fulfilling before approval is refused with 409', async ({ client }) => {
    const { workspace, members, desk } = await privacyWorkspace()
    const { request } = await submitAndVerify(client, workspace.slug, { type: 'access', email: 'early@example.test' })
    ;(await asUser(client, members.owner, 'post', `${desk}/${request.id}/fulfil`)).assertStatus(409)
  })

  test('rectification applies corrections, with before and after in the request trail', async ({ client, assert }) => {
    const { workspace, members, desk } = await privacyWorkspace()
    const { email, contact } = await contactWithHistory(workspace.id)
    const { request } = await submitAndVerify(client, workspace.slug, { type: 'rectification', email, message: 'My name is Samantha' })
    const response = await approveAndFulfil(client, members.privacy, desk, request.id, { corrections: { name: 'Samantha Subject' } })
    response.assertStatus(302)
    assert.equal((await Contact.findOrFail(contact.id)).name, 'Samantha Subject')
    const events = await db.from('privacy_request_events').where('request_id', request.id).where('action', 'rectified')
    assert.lengthOf(events, 1)
    assert.match(events[0].note, /^vd1:/, 'before/after values are sealed in the trail')
    const audit = await db.from('audit_entries').where('workspace_id', workspace.id).where('action', 'privacy.request_rectified').first()
    assert.equal(audit.metadata.fields, 'contacts.name')
    assert.notInclude(JSON.stringify(audit.metadata), 'Samantha')
  })

  test('restriction flags the contact; objection stops the named purposes', async ({ client, assert }) => {
    const { workspace, members, desk } = await privacyWorkspace()
    const restricted = await contactWithHistory(workspace.id)
    const objecting = await contactWithHistory(workspace.id)
    const first = await submitAndVerify(client, workspace.slug, { type: 'restriction', email: restricted.email })
    ;(await approveAndFulfil(client, members.privacy, desk, first.request.id)).assertStatus(302)
    const second = await submitAndVerify(client, workspace.slug, { type: 'objection', email: objecting.email, purposes: ['ai', 'marketing'] })
    ;(await approveAndFulfil(client, members.privacy, desk, second.request.id)).assertStatus(302)

    const restrictedContact = await Contact.findOrFail(restricted.contact.id)
    assert.isNotNull(restrictedContact.processingRestrictedAt)
    assert.isFalse(isProcessingAllowed(restrictedContact, 'analytics'))
    const objectingContact = await Contact.findOrFail(objecting.contact.id)
    assert.isNull(objectingContact.processingRestrictedAt)
    assert.isFalse(isProcessingAllowed(objectingContact, 'ai'))
    assert.isFalse(isProcessingAllowed(objectingContact, 'marketing'))
    assert.isTrue(isProcessingAllowed(objectingContact, 'analytics'))

    const withdrawing = await contactWithHistory(workspace.id)
    const third = await submitAndVerify(client, workspace.slug, { type: 'withdraw_consent', email: withdrawing.email })
    ;(await approveAndFulfil(client, members.privacy, desk, third.request.id)).assertStatus(302)
    const withdrawn = await Contact.findOrFail(withdrawing.contact.id)
    assert.isFalse(isProcessingAllowed(withdrawn, 'marketing'))
    assert.isFalse(isProcessingAllowed(withdrawn, 'surveys'))
    assert.include((await smtpSink.lastTo(withdrawing.email, /is complete/)).text, 'marketing')
  })

  test('notes and assignment land in the trail; only owners and privacy staff can be assigned', async ({ client, assert }) => {
    const { workspace, members, desk } = await privacyWorkspace()
    const { request } = await submitAndVerify(client, workspace.slug, { type: 'access', email: 'trail@example.test' })
    ;(await asUser(client, members.owner, 'post', `${desk}/${request.id}/notes`, { note: 'Called the subject to confirm scope' })).assertStatus(302)
    ;(await asUser(client, members.owner, 'put', `${desk}/${request.id}/assignee`, { assigneeUserId: members.agent.id })).assertStatus(422)
    ;(await asUser(client, members.owner, 'put', `${desk}/${request.id}/assignee`, { assigneeUserId: members.privacy.id })).assertStatus(302)
    await request.refresh()
    assert.equal(request.assigneeUserId, members.privacy.id)
    const actions = (await db.from('privacy_request_events').where('request_id', request.id).orderBy('created_at')).map((event) => event.action)
    assert.includeMembers(actions, ['received', 'verified', 'note_added', 'assigned'])
  })
})
