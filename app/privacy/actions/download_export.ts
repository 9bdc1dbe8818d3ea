import { DateTime } from 'luxon'
import { GoneError, UserFacingError } from '#core/errors'
import { RecordNotFoundException, isUuid } from '#core/tenancy'
import PrivacyExport from '#privacy/models/privacy_export'
import PrivacyRequest from '#privacy/models/privacy_request'
import { deleteArchive, readSealedArchive } from '#privacy/services/export_store'
import { hashLinkToken } from '#privacy/services/tokens'
import { recordStep } from '#privacy/services/trail'

/**
 * The subject downloads their export: the link works once, before it
 * expires, and only for a request whose email was verified. The sealed file
 * is deleted as soon as it is handed over.
 */
export default class DownloadExport {
  async handle(exportId: string, token: string) {
    if (!isUuid(exportId)) throw new RecordNotFoundException('Export not found')
    const exported = await PrivacyExport.find(exportId)
    if (!exported) throw new RecordNotFoundException('Export not found')
    const [request] = await PrivacyRequest.query().where('id', exported.requestId).limit(1)
    if (!request?.verifiedAt) {
      throw new UserFacingError('Confirm your email address first: use the confirmation link we sent you.', undefined, { status: 403, code: 'E_UNVERIFIED' })
    }
    if (exported.downloadedAt || !exported.downloadTokenHash || !exported.storageKey) {
      throw new GoneError('This download link was already used. For your safety an export can be downloaded only once; ask again for a new one.')
    }
    if (exported.downloadTokenHash !== hashLinkToken(token)) throw new GoneError('This download link is not valid.')
    if (exported.expiresAt < DateTime.now()) throw new GoneError('This download link has expired. Ask again for a new export.')

    const archive = await readSealedArchive(request.keyScope, exported.id, exported.storageKey)
    const storageKey = exported.storageKey
    exported.merge({ downloadedAt: DateTime.now(), downloadTokenHash: null, storageKey: null })
    await exported.save()
    await deleteArchive(storageKey)
    await recordStep(request, 'export_downloaded', { type: 'subject' }, { metadata: { exportId: exported.id, bytes: archive.length } })
    return { archive, filename: `your-data-${request.id.slice(0, 8)}.zip` }
  }
}
