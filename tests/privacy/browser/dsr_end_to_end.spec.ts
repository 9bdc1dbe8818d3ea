import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { ScanForPlaintext } from '#vault/index'
import { smtpSink, SmtpSink } from '#tests/helpers/smtp_sink'
import PrivacyCertificate from '#privacy/models/privacy_certificate'
import { verifyCertificate, trustedPublicKeys } from '#privacy/services/certificates'
import { checkResidue } from '#privacy/services/residue_check'
import { contactWithHistory, privacyGroup, privacyWorkspace } from '#tests/privacy/fixtures'
import { readZip } from '#tests/privacy/zip'
import { exportProblems } from '#tests/privacy/export_check'

const SCREENS = 'tmp/screens-privacy'

/**
 * Both sides of the privacy desk in a real Chromium: a contact with
 * tickets, an attachment and analytics events asks for their data on the
 * public portal and confirms through the mailed link; privacy staff approve
 * and fulfil it; the export holds exactly the catalog's exported fields.
 * Then the same person asks for erasure: it ends with a valid certificate,
 * nothing left in the database, and a clean vault scan.
 */
test.group('Data-subject requests end to end', (group) => {
  privacyGroup(group)

  test('access then erasure, from the public portal to the staff desk', async ({ browserContext, visit, assert }) => {
    const { workspace, members, desk } = await privacyWorkspace()
    const { email, contact } = await contactWithHistory(workspace.id)
    const analytics = await db.from('analytics_events').where('workspace_id', workspace.id).where('contact_id', contact.id).count('* as total')
    assert.isAbove(Number(analytics[0].total), 0, 'the contact has analytics events')

    // 1. The subject asks for their data on the portal
    const portal = await visit(`/privacy/${workspace.slug}`)
    await portal.getByLabel('Your email address').fill(email)
    await portal.screenshot({ path: `${SCREENS}/1-portal.png`, fullPage: true })
    await portal.getByRole('button', { name: 'Send request' }).click()
    await portal.getByTestId('flash-success').waitFor()
    await portal.assertTextContains('[data-testid="flash-success"]', 'Check your inbox')

    // 2. ...and confirms through the link in the mail
    const verification = await smtpSink.lastTo(email, /Confirm your privacy request/)
    await portal.goto(SmtpSink.linkIn(verification, `/privacy/${workspace.slug}/verify/`))
    await portal.getByTestId('request-confirmed').waitFor()
    assert.equal(await portal.getByTestId('request-status').textContent(), 'verified')
    await portal.screenshot({ path: `${SCREENS}/2-status.png`, fullPage: true })

    // 3. Privacy staff see it in the queue, with the data found, approve and fulfil it
    await browserContext.loginAs(members.privacy)
    const staff = await visit(desk)
    await staff.getByRole('table', { name: 'Privacy requests' }).waitFor()
    await staff.screenshot({ path: `${SCREENS}/3-queue.png`, fullPage: true })
    await staff.getByRole('link', { name: /^DSR-/ }).first().click()
    await staff.getByRole('table', { name: 'Data found by table' }).waitFor()
    await staff.assertTextContains('[aria-label="Data found by table"]', 'ticket_attachments')
    await staff.assertTextContains('[aria-label="Data found by table"]', 'analytics_events')
    await staff.screenshot({ path: `${SCREENS}/4-request.png`, fullPage: true })
    await staff.getByRole('button', { name: 'Approve' }).click()
    await staff.getByTestId('flash-success').filter({ hasText: 'approved' }).waitFor()
    await staff.getByRole('button', { name: 'Fulfil request' }).click()
    await staff.getByTestId('flash-success').filter({ hasText: 'fulfilled' }).waitFor()
    assert.equal(await staff.getByTestId('request-status').textContent(), 'completed')

    // 4. The export: every declared exported field, nothing undeclared, downloadable once
    const completion = await smtpSink.lastTo(email, /is complete/)
    const link = SmtpSink.linkIn(completion, '/privacy/exports/')
    const download = await fetch(link)
    assert.equal(download.status, 200)
    const files = await readZip(Buffer.from(await download.arrayBuffer()))
    const { problems, tablesSeen } = exportProblems(files)
    assert.deepEqual(problems, [])
    assert.includeMembers(tablesSeen, ['contacts', 'tickets', 'ticket_messages', 'ticket_attachments'])
    assert.isTrue([...files.keys()].some((path) => path.startsWith('attachments/')))
    assert.equal((await fetch(link)).status, 410)

    // 5. The subject now asks for erasure
    const again = await browserContext.newPage()
    await again.goto(`${process.env.APP_URL}/privacy/${workspace.slug}`)
    await again.getByRole('combobox', { name: 'What would you like to do?' }).click()
    await again.getByRole('option', { name: 'Erase my data' }).click()
    await again.getByLabel('Your email address').fill(email)
    await again.getByRole('button', { name: 'Send request' }).click()
    await again.getByTestId('flash-success').waitFor()
    const erasureMail = await smtpSink.lastTo(email, /Confirm your privacy request/)
    await again.goto(SmtpSink.linkIn(erasureMail, `/privacy/${workspace.slug}/verify/`))
    await again.getByTestId('request-confirmed').waitFor()

    await staff.goto(`${process.env.APP_URL}${desk}`)
    await staff.getByRole('link', { name: /^DSR-/ }).first().click()
    await staff.getByRole('button', { name: 'Approve' }).click()
    await staff.getByRole('button', { name: 'Fulfil request' }).click()
    await staff.getByRole('table', { name: 'Erased data' }).waitFor()
    await staff.assertTextContains('[data-testid="residue-check"]', 'Residue check: 0 findings')
    assert.equal(await staff.getByTestId('request-status').textContent(), 'completed')
    await staff.screenshot({ path: `${SCREENS}/5-erasure-certificate.png`, fullPage: true })

    // 6. A valid certificate, nothing left, a clean vault scan
    const certificate = await PrivacyCertificate.query().where('workspace_id', workspace.id).firstOrFail()
    const document = { algorithm: 'Ed25519', payload: certificate.payload, signature: certificate.signature, publicKey: certificate.publicKey }
    assert.isTrue((await verifyCertificate(document, await trustedPublicKeys())).valid)
    assert.equal(certificate.payload.residueCheck.findings, 0)
    const residue = await checkResidue({ workspaceId: workspace.id, emails: [email], phones: [], externalIds: [], ids: { contact: [contact.id] } })
    assert.deepEqual(residue.findings, [])
    assert.deepEqual((await new ScanForPlaintext().handle()).findings, [])
    await smtpSink.lastTo(email, /is complete/)
  }).timeout(180_000)
})
