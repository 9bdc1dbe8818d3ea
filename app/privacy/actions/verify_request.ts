import { DateTime } from 'luxon'
import type PrivacyRequest from '#privacy/models/privacy_request'
import type { Desk } from '#privacy/services/desk'
import { assertStatus } from '#privacy/services/transitions'
import { recordStep } from '#privacy/services/trail'
import AcknowledgeRequest from '#privacy/actions/acknowledge_request'

/** Staff confirm the requester's identity by other means (e.g. they wrote from the address on file). */
export default class VerifyRequest {
  async handle(desk: Desk, request: PrivacyRequest, actorUserId: string, note: string) {
    assertStatus(request, ['received', 'verifying'], 'verified')
    request.merge({ verificationTokenHash: null, verificationExpiresAt: null, verifiedAt: DateTime.now(), verifiedVia: 'staff', status: 'verified' })
    await request.save()
    await recordStep(request, 'verified', { type: 'user', userId: actorUserId }, { note, metadata: { via: 'staff' } })
    await new AcknowledgeRequest().handle(desk, request)
    return request
  }
}
