import logger from '@adonisjs/core/services/logger'
import { audit } from '#core/audit'
import { CreateContact, findContactByEmail, findContactByExternalId } from '#helpdesk/index'
import type Widget from '#channels/models/widget'
import type WidgetSession from '#channels/models/widget_session'
import { verifyUserHash } from '#channels/services/widget_identity'
import { carryConsentToContact, consentSubjectOf } from '#channels/services/widget_consent'

export interface IdentityClaim {
  externalId: string
  name?: string | null
  email?: string | null
  userHash?: string | null
  traits?: Record<string, unknown> | null
}

const MAX_TRAITS = 30

/** Traits the host sends: at most 30, short keys, plain values only. */
function cleanTraits(traits: Record<string, unknown> | null | undefined) {
  const kept = Object.entries(traits ?? {})
    .filter(([key, value]) => key.length <= 64 && (typeof value === 'string' ? value.length <= 500 : typeof value === 'number' || typeof value === 'boolean'))
    .slice(0, MAX_TRAITS)
  return kept.length ? Object.fromEntries(kept) : null
}

export const WIDGET_EXTERNAL_SYSTEM = 'widget'

/**
 * `identify()` from the host page: trusted only with a valid HMAC of the
 * external id; anything else is ignored (the visitor stays anonymous) and logged.
 */
export default class IdentifyWidgetVisitor {
  async handle(widget: Widget, session: WidgetSession, claim: IdentityClaim) {
    if (!claim.userHash || !(await verifyUserHash(widget, claim.externalId, claim.userHash))) {
      // The claim itself is personal data: log and audit that it happened, not what it said.
      logger.warn({ widgetId: widget.id, sessionId: session.id }, 'widget: unverified identity claim ignored')
      await audit({ action: 'widget.identity_rejected', workspaceId: widget.workspaceId, targetType: 'widget_session', targetId: session.id, actor: { type: 'system', id: null } })
      return { verified: false }
    }
    const externalId = { system: WIDGET_EXTERNAL_SYSTEM, value: claim.externalId }
    let contact = await findContactByExternalId(widget.workspaceId, externalId)
    if (!contact) {
      // The hash vouches for the external id only: an email another contact already has is not
      // taken as proof of being them (nor refused); the new contact is created without it.
      const email = claim.email && !(await findContactByEmail(widget.workspaceId, claim.email)) ? claim.email : null
      contact = await new CreateContact().handle(widget.workspaceId, {
        // A contact needs a name, email or phone; the external id alone is enough to recognise them later.
        name: claim.name || (email ? null : 'Website visitor'),
        email,
        traits: cleanTraits(claim.traits),
        externalIds: [externalId],
      })
    }
    const before = consentSubjectOf(session)
    session.merge({ contactId: contact.id, identityVerified: true })
    await session.save()
    // The choices made in this chat now belong to the identified person.
    await carryConsentToContact(widget.workspaceId, before, contact.id)
    return { verified: true }
  }
}
