import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import { blindIndexFor } from '#vault/index'
import { signedLink } from '#core/links'
import PrivacyRequest from '#privacy/models/privacy_request'
import { computeDeadlines } from '#privacy/services/deadlines'
import { OPEN_STATUSES, REQUEST_TYPE_LABELS, type Regime, type RequestType } from '#privacy/services/request_types'
import { organisationOf, requestsOf, scopeOfDesk, settingsOf, timezoneOf, type Desk } from '#privacy/services/desk'
import { newLinkToken } from '#privacy/services/tokens'
import { recordStep } from '#privacy/services/trail'
import { verificationMail } from '#privacy/mails/privacy_mail'
import AcknowledgeRequest from '#privacy/actions/acknowledge_request'

export interface SubmitRequestInput {
  type: RequestType
  email: string
  regime?: Regime
  message?: string | null
  purposes?: string[]
  /** A signed-in workspace user asking the platform: verified by their session. */
  requesterUserId?: string | null
}

export const VERIFICATION_HOURS = 24

/**
 * A data subject asks (portal form, or a workspace user from their
 * profile). An open request of the same type by the same person is merged
 * into the first one rather than duplicated. Portal requests are confirmed
 * through a link mailed to the address (signed, expiring, single use);
 * signed-in users are verified by their session.
 */
export default class SubmitRequest {
  async handle(desk: Desk, input: SubmitRequestInput): Promise<{ request: PrivacyRequest; merged: boolean }> {
    const scope = scopeOfDesk(desk)
    const email = input.email.trim().toLowerCase()
    const emailIndex = await blindIndexFor(scope, 'email', email)
    const existing = await requestsOf(desk).where('email_index', emailIndex!).where('type', input.type).whereIn('status', OPEN_STATUSES).first()
    if (existing) {
      existing.mergedCount += 1
      await existing.save()
      await recordStep(existing, 'merged', { type: 'subject' }, { metadata: { mergedCount: existing.mergedCount } })
      if (!existing.verifiedAt) await this.#sendVerification(desk, existing)
      return { request: existing, merged: true }
    }

    const settings = await settingsOf(desk)
    const regime = input.regime ?? settings.defaultRegime
    const receivedAt = DateTime.now()
    const deadlines = computeDeadlines(regime, receivedAt, timezoneOf(desk), settings.targetDays)
    const bySession = Boolean(input.requesterUserId)
    const request = await PrivacyRequest.create({
      workspaceId: desk.workspace?.id ?? null,
      keyScope: scope,
      type: input.type,
      regime,
      status: bySession ? 'verified' : 'verifying',
      subjectType: desk.workspace ? 'contact' : 'workspace_user',
      requesterUserId: input.requesterUserId ?? null,
      email,
      details: input.message || input.purposes?.length ? { message: input.message ?? undefined, purposes: input.purposes } : null,
      verifiedVia: bySession ? 'session' : null,
      verifiedAt: bySession ? receivedAt : null,
      receivedAt,
      acknowledgeBy: deadlines.acknowledgeBy,
      dueAt: deadlines.dueAt,
      mergedCount: 0,
    })
    await recordStep(request, 'received', bySession ? { type: 'user', userId: input.requesterUserId } : { type: 'subject' }, {
      metadata: { regime, verifiedBySession: bySession },
    })
    if (bySession) await new AcknowledgeRequest().handle(desk, request)
    else await this.#sendVerification(desk, request)
    return { request, merged: false }
  }

  async #sendVerification(desk: Desk, request: PrivacyRequest) {
    if (!desk.workspace || !request.email) return
    const { token, hash } = newLinkToken()
    request.merge({ verificationTokenHash: hash, verificationExpiresAt: DateTime.now().plus({ hours: VERIFICATION_HOURS }), status: 'verifying' })
    await request.save()
    const url = signedLink('privacy.portal.verify', { slug: desk.workspace.slug, id: request.id, token }, `${VERIFICATION_HOURS}h`)
    await mail.send(verificationMail(request.email, organisationOf(desk), REQUEST_TYPE_LABELS[request.type], url))
  }
}
