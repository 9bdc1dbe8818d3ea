import { UserFacingError } from '#core/errors'
import { RecordConsent } from '#governance/index'
import type Widget from '#channels/models/widget'
import type WidgetSession from '#channels/models/widget_session'
import { CONSENT_CHANNEL, consentSubjectOf } from '#channels/services/widget_consent'

export interface WidgetConsentInput {
  purpose: string
  decision: 'grant' | 'withdraw'
  /** SHA-256 of the text the widget showed (from the consent state it received). */
  textHash: string
  gpc: boolean
  ip: string | null
}

/** A visitor gives or withdraws consent in the widget: one event in the consent ledger, for the text version shown. */
export default class RecordWidgetConsent {
  async handle(widget: Widget, session: WidgetSession, input: WidgetConsentInput) {
    if (!widget.consentPurposeKeys.includes(input.purpose)) throw new UserFacingError('This widget does not ask for that consent.', 'purpose')
    return new RecordConsent().handle({
      workspaceId: widget.workspaceId,
      subject: consentSubjectOf(session),
      purposeKey: input.purpose,
      decision: input.decision,
      textHash: input.textHash,
      channel: CONSENT_CHANNEL,
      ip: input.ip,
      globalPrivacyControl: input.gpc,
    })
  }
}
