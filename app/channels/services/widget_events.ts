/**
 * Live delivery of agents' replies to open widget sessions (SSE). Listeners
 * live in this process; with several app processes the helpdesk event would
 * fan out through PostgreSQL LISTEN/NOTIFY (DESIGN: scale-out path).
 */
type Listener = (event: { messageId: string }) => void
type TicketListener = (ticketId: string) => void

const sessionListeners = new Map<string, TicketListener>()

/** An open stream of a session without a ticket yet hears when its first message creates one. */
export function awaitSessionTicket(sessionId: string, listener: TicketListener) {
  sessionListeners.set(sessionId, listener)
  return () => {
    if (sessionListeners.get(sessionId) === listener) sessionListeners.delete(sessionId)
  }
}

export function announceSessionTicket(sessionId: string, ticketId: string) {
  sessionListeners.get(sessionId)?.(ticketId)
}

const listeners = new Map<string, Set<Listener>>()

export function listenToTicket(ticketId: string, listener: Listener) {
  const set = listeners.get(ticketId) ?? new Set()
  set.add(listener)
  listeners.set(ticketId, set)
  return () => {
    set.delete(listener)
    if (!set.size) listeners.delete(ticketId)
  }
}

export function deliverToTicket(ticketId: string, messageId: string) {
  for (const listener of listeners.get(ticketId) ?? []) listener({ messageId })
}

/** Listener of the helpdesk's `helpdesk:message_sent` (registered in start/events.ts). */
export function deliverWidgetReply(event: { ticketId: string; messageId: string; channel: string }) {
  if (event.channel === 'chat') deliverToTicket(event.ticketId, event.messageId)
}
