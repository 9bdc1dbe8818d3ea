import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import type PrivacyRequest from '#privacy/models/privacy_request'
import { REQUEST_TYPE_LABELS } from '#privacy/services/request_types'
import { formatDate, organisationOf, statusLinkOf, timezoneOf, type Desk } from '#privacy/services/desk'
import { newLinkToken } from '#privacy/services/tokens'
import { acknowledgementMail } from '#privacy/mails/privacy_mail'

/**
 * Once verified: a fresh status link (its hash stored) and the
 * acknowledgement mail with the deadline (CCPA: within 10 business days).
 * Returns the status link for the page that confirmed the request.
 */
export default class AcknowledgeRequest {
  async handle(desk: Desk, request: PrivacyRequest) {
    const { token, hash } = newLinkToken()
    // A repeated acknowledgement (a merged request) renews the link but keeps the first acknowledgement time.
    request.merge({ statusTokenHash: hash, acknowledgedAt: request.acknowledgedAt ?? DateTime.now() })
    await request.save()
    const statusUrl = statusLinkOf(desk, request, token)!
    if (request.email) {
      await mail.send(
        acknowledgementMail(request.email, organisationOf(desk), REQUEST_TYPE_LABELS[request.type], formatDate(request.effectiveDueAt, timezoneOf(desk)), statusUrl)
      )
    }
    return { statusToken: token, statusUrl }
  }
}
