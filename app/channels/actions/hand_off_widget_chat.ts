import { DateTime } from 'luxon'
import { AddTicketMessage } from '#helpdesk/index'
import type WidgetSession from '#channels/models/widget_session'

export const HANDOFF_MESSAGE = 'A person from our team will reply here as soon as possible.'

/**
 * The chat goes to a person: no more AI answers in this session, and the
 * ticket gets an internal note so agents see why it is in their inbox (the
 * AI exchange above it is the context).
 */
export default class HandOffWidgetChat {
  async handle(session: WidgetSession, reason: 'visitor_asked' | 'no_answer' | 'ai_unavailable' | 'restricted') {
    if (session.handedOffAt) return { handedOff: true, message: HANDOFF_MESSAGE }
    session.handedOffAt = DateTime.now()
    await session.save()
    if (session.ticketId) {
      await new AddTicketMessage().handle({ workspaceId: session.workspaceId, ticketId: session.ticketId, authorUserId: null, kind: 'note', body: NOTES[reason] })
    }
    return { handedOff: true, message: HANDOFF_MESSAGE }
  }
}

const NOTES = {
  visitor_asked: 'Handed over from the AI assistant: the visitor asked to talk to a person.',
  no_answer: 'Handed over from the AI assistant: the knowledge base had no answer to the visitor’s question.',
  ai_unavailable: 'Handed over from the AI assistant: the AI provider was unavailable, so the visitor is waiting for a person.',
  restricted: 'Handed over without an AI answer: this contact restricted or objected to processing, so nothing was sent to the AI.',
}
