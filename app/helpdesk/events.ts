/**
 * Events other modules listen to (channels deliver agents' replies). They
 * carry ids only; a listener loads what it needs through the helpdesk.
 */
import emitter from '@adonisjs/core/services/emitter'

export interface MessageSentEvent {
  workspaceId: string
  ticketId: string
  messageId: string
  channel: string
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    /** An agent's reply (or an incident update) to deliver to the contact. Internal notes never raise it. */
    'helpdesk:message_sent': MessageSentEvent
  }
}

export function emitMessageSent(event: MessageSentEvent) {
  return emitter.emit('helpdesk:message_sent', event)
}
