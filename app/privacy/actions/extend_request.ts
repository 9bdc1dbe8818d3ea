import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import { UserFacingError } from '#core/errors'
import type PrivacyRequest from '#privacy/models/privacy_request'
import { computeDeadlines } from '#privacy/services/deadlines'
import { formatDate, organisationOf, settingsOf, statusLinkOf, timezoneOf, type Desk } from '#privacy/services/desk'
import { assertStatus } from '#privacy/services/transitions'
import { recordStep } from '#privacy/services/trail'
import { extensionMail } from '#privacy/mails/privacy_mail'

/**
 * Extends the deadline once, inside the first period (GDPR: up to two more
 * months; CCPA: 45 more days), and tells the subject why.
 */
export default class ExtendRequest {
  async handle(desk: Desk, request: PrivacyRequest, actorUserId: string, reason: string) {
    assertStatus(request, ['received', 'verifying', 'verified', 'in_progress'], 'extended')
    if (request.extendedDueAt) throw new UserFacingError('This request was already extended once.', 'reason', { status: 409 })
    if (DateTime.now() > request.dueAt) {
      throw new UserFacingError('The first period is over: an extension had to be sent before the original deadline.', 'reason', { status: 409 })
    }
    const settings = await settingsOf(desk)
    const deadlines = computeDeadlines(request.regime, request.receivedAt, timezoneOf(desk), settings.targetDays)
    request.merge({ extendedDueAt: deadlines.maxExtendedDueAt, extensionReason: reason })
    await request.save()
    await recordStep(request, 'extended', { type: 'user', userId: actorUserId }, { note: reason, metadata: { extendedDueAt: deadlines.maxExtendedDueAt.toISO() } })
    if (request.email) {
      await mail.send(extensionMail(request.email, organisationOf(desk), formatDate(deadlines.maxExtendedDueAt, timezoneOf(desk)), reason, statusLinkOf(desk, request, null)))
    }
    return request
  }
}
