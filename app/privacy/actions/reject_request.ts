import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import type PrivacyRequest from '#privacy/models/privacy_request'
import { organisationOf, type Desk } from '#privacy/services/desk'
import { REQUEST_TYPE_LABELS } from '#privacy/services/request_types'
import { assertStatus } from '#privacy/services/transitions'
import { recordStep } from '#privacy/services/trail'
import { rejectionMail } from '#privacy/mails/privacy_mail'

/** Declines a request with the reason, which the subject receives. */
export default class RejectRequest {
  async handle(desk: Desk, request: PrivacyRequest, actorUserId: string, reason: string) {
    assertStatus(request, ['received', 'verifying', 'verified', 'in_progress'], 'rejected')
    request.merge({ status: 'rejected', rejectionReason: reason, rejectedAt: DateTime.now(), verificationTokenHash: null })
    await request.save()
    await recordStep(request, 'rejected', { type: 'user', userId: actorUserId }, { note: reason })
    if (request.email) await mail.send(rejectionMail(request.email, organisationOf(desk), REQUEST_TYPE_LABELS[request.type], reason))
    return request
  }
}
