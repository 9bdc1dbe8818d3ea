import { DateTime } from 'luxon'
import { signedLink } from '#core/links'
import PrivacyRequest from '#privacy/models/privacy_request'
import PrivacyExport from '#privacy/models/privacy_export'
import { deskOfRequest, formatDate, organisationOf, timezoneOf } from '#privacy/services/desk'
import { collectSubjectData, hasAnyData, identifiersOf, resolveSubject, rowCount } from '#privacy/services/subject_lookup'
import { buildArchive } from '#privacy/services/export_archive'
import { writeSealedArchive } from '#privacy/services/export_store'
import { newLinkToken } from '#privacy/services/tokens'
import { completeRequest } from '#privacy/services/completion'

export const EXPORT_LINK_DAYS = 7

/**
 * Background job of an access or portability request: collects the
 * subject's data from every module, builds the ZIP, seals it at rest and
 * mails a single-use link that expires in 7 days. A subject with no data
 * gets a plain "we hold nothing about you" answer.
 */
export default class BuildExport {
  async handle(requestId: string) {
    const [request] = await PrivacyRequest.query().where('id', requestId).limit(1)
    if (!request || request.status !== 'in_progress') return null
    const desk = await deskOfRequest(request)
    const actor = { type: 'system' as const }
    const subject = await resolveSubject(identifiersOf(request))
    const records = await collectSubjectData(subject, { files: true })

    if (!hasAnyData(records)) {
      await completeRequest(desk, request, actor, {
        paragraphs: [`${organisationOf(desk)} holds no personal data linked to this email address. There is nothing to export.`],
        metadata: { nothingHeld: true },
      })
      return null
    }

    const generatedAt = DateTime.now().toUTC().toISO()!
    const archive = await buildArchive(records, { requestId: request.id, organisation: organisationOf(desk), generatedAt })
    const { token, hash } = newLinkToken()
    const expiresAt = DateTime.now().plus({ days: EXPORT_LINK_DAYS })
    const exported = new PrivacyExport()
    exported.merge({
      workspaceId: request.workspaceId,
      requestId: request.id,
      sizeBytes: archive.length,
      recordCount: records.reduce((sum, record) => sum + rowCount(record), 0),
      downloadTokenHash: hash,
      expiresAt,
    })
    await exported.save()
    exported.storageKey = await writeSealedArchive(request.keyScope, exported.id, archive)
    await exported.save()

    const url = signedLink('privacy.portal.download', { id: exported.id, token }, `${EXPORT_LINK_DAYS}d`)
    await completeRequest(desk, request, actor, {
      paragraphs: [
        `Your data held by ${organisationOf(desk)} is ready: a ZIP file with one JSON file per category, spreadsheets (CSV), a readable page and your attachments.`,
      ],
      action: { label: 'Download my data', url },
      footnote: `The link works once and expires on ${formatDate(expiresAt, timezoneOf(desk))}.`,
      metadata: { exportId: exported.id, records: exported.recordCount, bytes: exported.sizeBytes },
    })
    return exported
  }
}
