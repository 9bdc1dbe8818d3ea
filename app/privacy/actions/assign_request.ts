import { UserFacingError } from '#core/errors'
import type PrivacyRequest from '#privacy/models/privacy_request'
import { recordStep } from '#privacy/services/trail'

/** Assigns a request to someone allowed to work the desk (`eligible` ids), or to nobody. */
export default class AssignRequest {
  async handle(request: PrivacyRequest, actorUserId: string, assigneeUserId: string | null, eligible: string[]) {
    if (assigneeUserId && !eligible.includes(assigneeUserId)) {
      throw new UserFacingError('Assign the request to an owner or a member of the privacy staff.', 'assigneeUserId')
    }
    request.assigneeUserId = assigneeUserId
    await request.save()
    await recordStep(request, 'assigned', { type: 'user', userId: actorUserId }, { metadata: { assigneeUserId } })
    return request
  }
}
