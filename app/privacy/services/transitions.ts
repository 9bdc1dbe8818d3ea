import { UserFacingError } from '#core/errors'
import type PrivacyRequest from '#privacy/models/privacy_request'
import type { RequestStatus } from '#privacy/services/request_types'

export const STATUS_LABELS: Record<RequestStatus, string> = {
  received: 'received',
  verifying: 'waiting for the requester to confirm their email',
  verified: 'verified',
  in_progress: 'in progress',
  completed: 'completed',
  rejected: 'rejected',
}

/** A 409 naming the state when a step does not fit the request's state. */
export function assertStatus(request: PrivacyRequest, allowed: RequestStatus[], step: string) {
  if (!allowed.includes(request.status)) {
    throw new UserFacingError(`This request is ${STATUS_LABELS[request.status]}: it cannot be ${step} now.`, undefined, { status: 409, code: 'E_REQUEST_STATE' })
  }
}
