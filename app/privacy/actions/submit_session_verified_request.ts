import { DateTime } from 'luxon'
import PrivacyRequest from '#privacy/models/privacy_request'
import { computeDeadlines } from '#privacy/services/deadlines'
import { OPEN_STATUSES, type RequestType } from '#privacy/services/request_types'
import { deskOfWorkspace, formatDate, requestsOf, settingsOf, timezoneOf, type Desk } from '#privacy/services/desk'
import { recordStep } from '#privacy/services/trail'
import { referenceOf } from '#privacy/presenters/requests'
import AcknowledgeRequest from '#privacy/actions/acknowledge_request'

export interface SessionVerifiedRequestInput {
  workspaceId: string
  /** The contact the host site vouched for (HMAC-verified widget identity). */
  contactId: string
  /** The contact's address when the helpdesk knows one (acknowledgement mail, duplicate check). */
  email: string | null
  type: RequestType
  message?: string | null
  purposes?: string[]
  /** Which session proved the identity (ids only, for the trail). */
  widgetSessionId: string
}

/**
 * A visitor the site signed in (the widget's HMAC identity) asks from the
 * chat widget. The site's own login is the proof of identity, so the request
 * starts verified: no confirmation mail, the deadline runs from now as for
 * any request. An open request of the same type for the same contact is
 * merged into the first one.
 * The caller must have checked the session's identity; only channels does.
 */
export default class SubmitSessionVerifiedRequest {
  async handle(input: SessionVerifiedRequestInput) {
    const desk = await deskOfWorkspace(input.workspaceId)
    const email = input.email?.trim().toLowerCase() || null
    const actor = { type: 'subject' as const }
    const proof = { via: 'widget_session', widgetSessionId: input.widgetSessionId }

    // Duplicates are found by the contact only: the HMAC vouches for the site's user id, not for the
    // email the site sent along, so an address match must not touch (or verify) someone else's request.
    const existing = await requestsOf(desk)
      .where('subject_contact_id', input.contactId)
      .where('type', input.type)
      .whereIn('status', OPEN_STATUSES)
      .orderBy('received_at')
      .first()
    if (existing) return this.#merge(desk, existing, proof)

    const settings = await settingsOf(desk)
    const receivedAt = DateTime.now()
    const deadlines = computeDeadlines(settings.defaultRegime, receivedAt, timezoneOf(desk), settings.targetDays)
    const request = await PrivacyRequest.create({
      workspaceId: input.workspaceId,
      keyScope: input.workspaceId,
      type: input.type,
      regime: settings.defaultRegime,
      status: 'verified',
      subjectType: 'contact',
      subjectContactId: input.contactId,
      requesterUserId: null,
      email,
      details: input.message || input.purposes?.length ? { message: input.message ?? undefined, purposes: input.purposes } : null,
      verifiedVia: 'widget_session',
      // Verified the moment it arrives: the verification time counts toward the deadline like any other.
      verifiedAt: receivedAt,
      receivedAt,
      acknowledgeBy: deadlines.acknowledgeBy,
      dueAt: deadlines.dueAt,
      mergedCount: 0,
    })
    await recordStep(request, 'received', actor, { metadata: { regime: request.regime, channel: 'widget' } })
    await recordStep(request, 'verified', actor, { metadata: proof })
    const { statusUrl } = await new AcknowledgeRequest().handle(desk, request)
    return { request, merged: false, statusUrl: statusUrl!, reference: referenceOf(request), message: this.#message(desk, request, false) }
  }

  async #merge(desk: Desk, existing: PrivacyRequest, proof: Record<string, string>) {
    existing.mergedCount += 1
    await existing.save()
    await recordStep(existing, 'merged', { type: 'subject' }, { metadata: { mergedCount: existing.mergedCount, channel: 'widget', widgetSessionId: proof.widgetSessionId } })
    // A fresh status link for the widget (the mail, if an address is known, carries the same one).
    const { statusUrl } = await new AcknowledgeRequest().handle(desk, existing)
    return { request: existing, merged: true, statusUrl: statusUrl!, reference: referenceOf(existing), message: this.#message(desk, existing, true) }
  }

  #message(desk: Desk, request: PrivacyRequest, merged: boolean) {
    const due = formatDate(request.effectiveDueAt, timezoneOf(desk))
    const opening = merged ? `You already had this request open (${referenceOf(request)}); we added this one to it.` : `We received your request ${referenceOf(request)}.`
    return `${opening} You are signed in, so no confirmation email is needed. ${desk.workspace!.name} will answer by ${due} at the latest.`
  }
}
