/**
 * What the assistant may send about a ticket: the contact must not be under a
 * restriction or objection (then nothing goes to the AI), internal notes stay
 * out, erased messages are skipped, and personal data is masked unless the
 * workspace turned redaction off.
 */
import { GetTicketConversation, isProcessingAllowed } from '#helpdesk/index'
import { UserFacingError } from '#core/errors'
import { assistantSettingsOf } from '#assistant/services/settings'
import { redact } from '#assistant/services/redaction'

const MAX_MESSAGES = 12
const MAX_MESSAGE_CHARS = 3000

export class ProcessingRestrictedError extends UserFacingError {
  constructor() {
    super('This contact has restricted or objected to the processing of their data, so their conversation is never sent to the AI.', undefined, {
      status: 409,
      code: 'E_AI_RESTRICTED',
    })
  }
}

export interface TicketForAi {
  ticketId: string
  contactId: string
  subject: string
  messages: { author: 'customer' | 'agent'; body: string }[]
  /** The customer's latest words: the retrieval query. */
  latestQuestion: string
}

export async function ticketForAi(workspaceId: string, ticketId: string): Promise<TicketForAi> {
  const ticket = await new GetTicketConversation().handle(workspaceId, ticketId)
  const contact = ticket.contact
  if (!contact || contact.isShredded) throw new UserFacingError('This contact was erased; there is nothing to send to the AI.', undefined, { status: 409 })
  if (!isProcessingAllowed(contact, 'ai')) throw new ProcessingRestrictedError()
  const settings = await assistantSettingsOf(workspaceId)
  const mask = (text: string) =>
    settings.redactionEnabled ? redact(text, { names: [contact.name], emails: [contact.email] }) : text
  const messages = ticket.messages
    .filter((message) => message.kind !== 'note' && !message.isShredded && message.body)
    .slice(-MAX_MESSAGES)
    .map((message) => ({ author: message.kind === 'inbound' ? ('customer' as const) : ('agent' as const), body: mask(message.body.slice(0, MAX_MESSAGE_CHARS)) }))
  const lastInbound = [...messages].reverse().find((message) => message.author === 'customer')
  const subject = mask(ticket.subject ?? '')
  return { ticketId: ticket.id, contactId: contact.id, subject, messages, latestQuestion: `${subject}\n${lastInbound?.body ?? ''}`.trim() }
}
