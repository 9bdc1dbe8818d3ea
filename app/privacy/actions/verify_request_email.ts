import { DateTime } from 'luxon'
import { GoneError } from '#core/errors'
import { findRequestOrFail, type Desk } from '#privacy/services/desk'
import { hashLinkToken } from '#privacy/services/tokens'
import { recordStep } from '#privacy/services/trail'
import AcknowledgeRequest from '#privacy/actions/acknowledge_request'

/** The subject clicked the confirmation link: works once, within 24 hours. */
export default class VerifyRequestEmail {
  async handle(desk: Desk, requestId: string, token: string) {
    const request = await findRequestOrFail(desk, requestId)
    if (!request.verificationTokenHash || request.verificationTokenHash !== hashLinkToken(token)) {
      throw new GoneError('This confirmation link was already used or replaced by a newer one. Check your latest email from us.')
    }
    if (!request.verificationExpiresAt || request.verificationExpiresAt < DateTime.now()) {
      throw new GoneError('This confirmation link has expired. Send your request again to get a new one.')
    }
    request.merge({ verificationTokenHash: null, verificationExpiresAt: null, verifiedAt: DateTime.now(), verifiedVia: 'email', status: 'verified' })
    await request.save()
    await recordStep(request, 'verified', { type: 'subject' }, { metadata: { via: 'email' } })
    const { statusToken } = await new AcknowledgeRequest().handle(desk, request)
    return { request, statusToken }
  }
}
