/**
 * The widget's consent choice, kept in governance's append-only consent
 * ledger. Before the visitor is known the subject is the widget session
 * (`visitor`); once the session has a contact, the contact is the subject and
 * the session's choices are carried over to it (same text version).
 */
import type { HttpContext } from '@adonisjs/core/http'
import { RecordConsent, consentPurposeKeysById, consentStateOf, currentConsentTexts } from '#governance/index'
import type Widget from '#channels/models/widget'
import type WidgetSession from '#channels/models/widget_session'

export const CONSENT_CHANNEL = 'widget'

type Subject = { type: 'contact' | 'visitor'; id: string }

export function consentSubjectOf(session: Pick<WidgetSession, 'id' | 'contactId'>): Subject {
  return session.contactId ? { type: 'contact', id: session.contactId } : { type: 'visitor', id: session.id }
}

/** The browser's Global Privacy Control signal: the `Sec-GPC: 1` header, or the loader's `navigator.globalPrivacyControl`. */
export function gpcOf(request: HttpContext['request'], claimed?: unknown) {
  return request.header('sec-gpc') === '1' || claimed === true
}

/** The purposes the widget asks for, with the exact text shown and the subject's current decision. */
export async function widgetConsentState(widget: Widget, session: WidgetSession) {
  const texts = await currentConsentTexts(widget.workspaceId, widget.consentPurposeKeys)
  if (!texts.length) return []
  const { state } = await consentStateOf(widget.workspaceId, consentSubjectOf(session))
  const keys = await consentPurposeKeysById(widget.workspaceId)
  const latestByKey = new Map([...state.values()].map((event) => [keys.get(event.purposeId), event]))
  return texts.map((text) => {
    const event = latestByKey.get(text.key)
    return {
      ...text,
      decision: event?.decision ?? null,
      /** The decision was about this exact text (a new version asks again). */
      current: event?.textHash === text.textHash,
      gpc: event?.gpc ?? false,
    }
  })
}

/**
 * With Global Privacy Control on, the visitor is not asked: every purpose
 * the widget would ask for is recorded as refused (RecordConsent turns a
 * grant carrying the signal into a refusal), unless already refused for
 * this text version.
 */
export async function honourGpc(widget: Widget, session: WidgetSession, ip: string | null) {
  for (const purpose of await widgetConsentState(widget, session)) {
    if (purpose.decision === 'refuse' && purpose.current) continue
    await new RecordConsent().handle({
      workspaceId: widget.workspaceId,
      subject: consentSubjectOf(session),
      purposeKey: purpose.key,
      decision: 'grant',
      textHash: purpose.textHash,
      channel: CONSENT_CHANNEL,
      ip,
      globalPrivacyControl: true,
    })
  }
}

/** The session's contact became known (or changed): its choices follow it, with the text version they were made for. */
export async function carryConsentToContact(workspaceId: string, from: Subject, contactId: string) {
  if (from.type === 'contact' && from.id === contactId) return
  const { state } = await consentStateOf(workspaceId, from)
  const keys = await consentPurposeKeysById(workspaceId)
  for (const event of state.values()) {
    const purposeKey = keys.get(event.purposeId)
    if (!purposeKey) continue
    await new RecordConsent().handle({
      workspaceId,
      subject: { type: 'contact', id: contactId },
      purposeKey,
      // A refusal is a grant refused under the signal; withdrawals and grants stay what they were.
      decision: event.decision === 'withdraw' ? 'withdraw' : 'grant',
      textHash: event.textHash,
      channel: CONSENT_CHANNEL,
      globalPrivacyControl: event.decision === 'refuse',
    })
  }
}
