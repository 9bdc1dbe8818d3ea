import { DateTime } from 'luxon'
import { DestroySubjectKey, ScanForPlaintext, PLATFORM_SCOPE } from '#vault/index'
import { subjectDataProviders, type ErasureOutcome } from '#core/subject_data'
import PrivacyRequest from '#privacy/models/privacy_request'
import PrivacyCertificate from '#privacy/models/privacy_certificate'
import { deskOfRequest, requestsOf, statusLinkOf, type Desk } from '#privacy/services/desk'
import { identifiersOf, resolveSubject } from '#privacy/services/subject_lookup'
import { checkResidue } from '#privacy/services/residue_check'
import { signCertificate, type CertificatePayload } from '#privacy/services/certificates'
import { completeRequest, createRecipientTasks, erasureBlockedBy } from '#privacy/services/completion'
import { recordStep } from '#privacy/services/trail'

/**
 * Background job of an erasure request:
 *  1. legal holds checked again (they may have appeared since approval);
 *  2. every module's provider erases its rows in batches, per the catalog;
 *  3. the subject keys are destroyed (crypto-shredding, backups included);
 *  4. the privacy desk's own copies of the identifiers are dropped and the
 *     request keys destroyed (the request facts stay as proof);
 *  5. the residue check searches the database and the vault scan runs;
 *  6. a signed certificate is issued, recipients get notification tasks,
 *     and the subject is told.
 */
export default class EraseSubject {
  async handle(requestId: string, actorUserId: string | null = null) {
    const [request] = await PrivacyRequest.query().where('id', requestId).limit(1)
    if (!request || request.status !== 'in_progress' || request.type !== 'erasure') return null
    const desk = await deskOfRequest(request)
    const actor = actorUserId ? { type: 'user' as const, userId: actorUserId } : { type: 'system' as const }
    const subject = await resolveSubject(identifiersOf(request))

    const blocked = await erasureBlockedBy(subject)
    if (blocked) {
      request.blockedReason = blocked
      await request.save()
      await recordStep(request, 'erasure_blocked', actor, { note: blocked })
      return null
    }

    const outcomes: ErasureOutcome[] = []
    for (const provider of subjectDataProviders()) outcomes.push(...(await provider.erase(subject)))

    const scope = request.keyScope
    const destroyedKeys: string[] = []
    for (const [type, ids] of Object.entries(subject.ids)) {
      for (const id of ids ?? []) {
        const entry = await new DestroySubjectKey().handle({ scope: type === 'workspace_user' ? PLATFORM_SCOPE : scope, subject: { type, id }, reason: 'erasure_request' })
        destroyedKeys.push(entry ? `${type}:${id}@ledger#${entry.seq}` : `${type}:${id}@already-destroyed`)
      }
    }
    const tasks = await createRecipientTasks(request, subject)
    const retainedRequests = await this.#dropRequestIdentifiers(desk, request, destroyedKeys)

    const residue = await checkResidue(subject)
    const scan = await new ScanForPlaintext().handle()
    const payload: CertificatePayload = {
      certificate: 'vaultdesk-erasure-certificate/v1',
      requestId: request.id,
      workspaceId: request.workspaceId,
      regime: request.regime,
      receivedAt: request.receivedAt.toUTC().toISO()!,
      verifiedAt: request.verifiedAt?.toUTC().toISO() ?? null,
      completedAt: DateTime.now().toUTC().toISO()!,
      erased: outcomes
        .filter((outcome) => outcome.action !== 'retained')
        .map(({ module, table, category, action, rows }) => ({ module, table, category, action, rows })),
      retained: [
        ...outcomes
          .filter((outcome) => outcome.action === 'retained')
          .map(({ module, table, category, rows, legalBasis }) => ({ module, table, category, rows, legalBasis: legalBasis ?? 'legal_obligation' })),
        {
          module: 'privacy',
          table: 'privacy_requests',
          category: 'consent',
          rows: retainedRequests,
          legalBasis: 'legal_obligation: proof that the request was answered (type, dates and outcome; identifiers shredded)',
        },
      ],
      destroyedKeys,
      residueCheck: { searchedColumns: residue.searchedColumns, findings: residue.findings.length, vaultScanFindings: scan.findings.length },
    }
    const document = await signCertificate(payload)
    const certificate = await PrivacyCertificate.create({
      workspaceId: request.workspaceId,
      requestId: request.id,
      payload,
      signature: document.signature,
      publicKey: document.publicKey,
    })

    const erasedRows = payload.erased.reduce((sum, item) => sum + item.rows, 0)
    await completeRequest(desk, request, actor, {
      paragraphs: [
        erasedRows
          ? `We erased your personal data: ${erasedRows} records across ${new Set(payload.erased.map((item) => item.category)).size} categories, and destroyed the keys that protected it, so copies in backups can no longer be read.`
          : 'We held no personal data linked to this email address; there was nothing to erase.',
        `Your erasure certificate is number ${certificate.id}. It lists categories and counts only, and is signed so it can be verified.`,
      ],
      action: desk.workspace ? undefined : { label: 'See your request', url: statusLinkOf(desk, request, null)! },
      metadata: {
        certificateId: certificate.id,
        erasedRows,
        destroyedKeys: destroyedKeys.length,
        residueFindings: residue.findings.length,
        vaultScanFindings: scan.findings.length,
        recipientTasks: tasks.length,
      },
    })
    // The mail is sent: now forget the address for good.
    request.merge({ email: null, details: null, extraIdentifiers: null })
    await request.save()
    await new DestroySubjectKey().handle({ scope, subject: { type: 'privacy_request', id: request.id }, reason: 'erasure_request' })
    return certificate
  }

  /**
   * The person's other requests lose their identifiers too (open ones are
   * closed as superseded: the data they concern is gone); returns how many
   * request records are kept as proof.
   */
  async #dropRequestIdentifiers(desk: Desk, request: PrivacyRequest, destroyedKeys: string[]) {
    const others =
      request.emailIndex || request.subjectContactId
        ? await requestsOf(desk)
            .where((query) => {
              if (request.emailIndex) query.orWhere('email_index', request.emailIndex)
              if (request.subjectContactId) query.orWhere('subject_contact_id', request.subjectContactId)
            })
            .whereNot('id', request.id)
        : []
    for (const other of others) {
      if (other.isOpen) {
        await recordStep(other, 'superseded', { type: 'system' }, { metadata: { erasureRequestId: request.id } })
        other.merge({ status: 'completed', completedAt: DateTime.now() })
      }
      other.merge({ email: null, details: null, extraIdentifiers: null, verificationTokenHash: null, subjectContactId: null })
      await other.save()
      const entry = await new DestroySubjectKey().handle({ scope: other.keyScope, subject: { type: 'privacy_request', id: other.id }, reason: 'erasure_request' })
      if (entry) destroyedKeys.push(`privacy_request:${other.id}@ledger#${entry.seq}`)
    }
    // This request's blind index goes now (its sealed address after the completion mail).
    request.merge({ emailIndex: null, subjectContactId: null })
    await request.save()
    return others.length + 1
  }
}
