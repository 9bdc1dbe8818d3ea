import { DateTime } from 'luxon'
import { signedLink } from '#core/links'
import { GoneError, UserFacingError } from '#core/errors'
import PrivacyExport from '#privacy/models/privacy_export'
import type PrivacyRequest from '#privacy/models/privacy_request'
import { newLinkToken } from '#privacy/services/tokens'
import { recordStep } from '#privacy/services/trail'

/** The export of a request still waiting to be downloaded (not taken, not expired), if any. */
export async function waitingExportOf(request: PrivacyRequest) {
  return PrivacyExport.query()
    .where('request_id', request.id)
    .whereNotNull('storage_key')
    .whereNull('downloaded_at')
    .where('expires_at', '>', DateTime.now().toJSDate())
    .orderBy('created_at', 'desc')
    .first()
}

/**
 * A requester with no address on file (a widget visitor the site knows only
 * by its user id) cannot be mailed the download link; their status page
 * (reached with the private status link they were given) hands out a fresh
 * single-use link instead. Requesters with an address get it by mail only.
 */
export default class IssueExportLink {
  async handle(request: PrivacyRequest) {
    if (request.email) throw new UserFacingError('We emailed your download link. Use the link in our most recent email.', undefined, { status: 409 })
    const exported = await waitingExportOf(request)
    if (!exported) throw new GoneError('There is no export waiting for you: it was downloaded already or has expired. Ask again for a new one.')
    const { token, hash } = newLinkToken()
    exported.downloadTokenHash = hash
    await exported.save()
    await recordStep(request, 'export_link_issued', { type: 'subject' }, { metadata: { exportId: exported.id, via: 'status_page' } })
    const minutesLeft = Math.max(1, Math.floor(exported.expiresAt.diffNow('minutes').minutes))
    return signedLink('privacy.portal.download', { id: exported.id, token }, `${minutesLeft}m`)
  }
}
