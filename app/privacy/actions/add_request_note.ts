import type PrivacyRequest from '#privacy/models/privacy_request'
import { recordStep } from '#privacy/services/trail'

/** A staff note in the request's trail (sealed with the request's key). */
export default class AddRequestNote {
  async handle(request: PrivacyRequest, actorUserId: string, note: string) {
    await recordStep(request, 'note_added', { type: 'user', userId: actorUserId }, { note })
    return request
  }
}
