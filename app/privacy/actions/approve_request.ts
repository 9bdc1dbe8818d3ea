import type PrivacyRequest from '#privacy/models/privacy_request'
import { assertStatus } from '#privacy/services/transitions'
import { recordStep } from '#privacy/services/trail'

/** A verified request is accepted for fulfilment. */
export default class ApproveRequest {
  async handle(request: PrivacyRequest, actorUserId: string) {
    assertStatus(request, ['verified'], 'approved (it must be verified first)')
    request.status = 'in_progress'
    await request.save()
    await recordStep(request, 'approved', { type: 'user', userId: actorUserId })
    return request
  }
}
