import { CreateInboundMessage } from '#helpdesk/index'
import type WidgetSession from '#channels/models/widget_session'
import { announceSessionTicket } from '#channels/services/widget_events'
import { carryConsentToContact, consentSubjectOf } from '#channels/services/widget_consent'

/** A visitor's chat message: into the session's conversation (a new ticket the first time). */
export default class SendWidgetMessage {
  async handle(session: WidgetSession, body: string) {
    const result = await new CreateInboundMessage().handle({
      workspaceId: session.workspaceId,
      ...(session.contactId ? { contactId: session.contactId } : { from: { name: 'Website visitor', externalId: { system: 'widget_session', value: session.id } } }),
      body,
      subject: 'Chat from the website',
      channel: 'chat',
      ticketId: session.ticketId,
    })
    const firstTicket = session.ticketId !== result.ticket.id
    const before = consentSubjectOf(session)
    session.merge({ contactId: result.contact.id, ticketId: result.ticket.id })
    await session.save()
    await carryConsentToContact(session.workspaceId, before, result.contact.id)
    if (firstTicket) announceSessionTicket(session.id, result.ticket.id)
    return result.message
  }
}
