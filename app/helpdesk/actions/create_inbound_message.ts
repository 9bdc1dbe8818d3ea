import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { UserFacingError } from '#core/errors'
import Contact from '#helpdesk/models/contact'
import Ticket from '#helpdesk/models/ticket'
import type TicketMessage from '#helpdesk/models/ticket_message'
import CreateContact, { type ExternalIdInput } from '#helpdesk/actions/create_contact'
import CreateTicket from '#helpdesk/actions/create_ticket'
import { findContactByEmail, findContactByExternalId, findContactByPhone } from '#helpdesk/services/contact_lookup'
import { findInWorkspace } from '#helpdesk/services/records'
import { appendMessage } from '#helpdesk/services/conversation'
import { recordActivity } from '#helpdesk/services/activity'
import { broadcastInboxEvent } from '#helpdesk/services/realtime'
import type { AttachmentInput } from '#helpdesk/services/attachment_store'

export interface InboundSender {
  email?: string | null
  phone?: string | null
  name?: string | null
  externalId?: ExternalIdInput | null
}

export interface InboundMessageInput {
  workspaceId: string
  /** A known contact, or the sender's details (found by email, external id or phone; created when new). */
  contactId?: string
  from?: InboundSender
  body: string
  subject?: string | null
  channel: string
  /** The conversation this answers (e.g. from a reply-to address); a closed ticket gets a follow-up ticket instead. */
  ticketId?: string | null
  attachments?: AttachmentInput[]
}

export interface InboundMessageResult {
  contact: Contact
  ticket: Ticket
  message: TicketMessage
  createdTicket: boolean
}

/**
 * A contact wrote in (email, chat, widget, API): finds or creates the
 * contact, then either appends to their open conversation (reopening it
 * when it was pending, snoozed or resolved) or opens a new ticket. Open
 * inboxes learn about it at once.
 */
export default class CreateInboundMessage {
  /** `trx`: a caller that records something with the message (a channel's own row) passes its transaction, so both or neither are stored. */
  async handle(input: InboundMessageInput, trx?: TransactionClientContract): Promise<InboundMessageResult> {
    return trx ? this.#handle(trx, input) : db.transaction((own) => this.#handle(own, input))
  }

  async #handle(trx: TransactionClientContract, input: InboundMessageInput): Promise<InboundMessageResult> {
    const contact = await this.#contact(trx, input)
    const existing = input.ticketId
      ? await findInWorkspace(Ticket, input.workspaceId, input.ticketId, { client: trx, forUpdate: true, label: 'Ticket' })
      : null

    if (!existing || existing.status === 'closed') {
      const { ticket, message } = await new CreateTicket().handle(
        { workspaceId: input.workspaceId, contactId: existing?.contactId ?? contact.id, subject: input.subject ?? existing?.subject ?? '', body: input.body, channel: input.channel, attachments: input.attachments, actorUserId: null },
        trx
      )
      return { contact, ticket, message, createdTicket: true }
    }

    existing.useTransaction(trx)
    const message = await appendMessage(trx, existing, { kind: 'inbound', authorUserId: null, body: input.body, attachments: input.attachments })
    const reopened = existing.status !== 'open'
    if (reopened) {
      await recordActivity({ workspaceId: input.workspaceId, actorUserId: null, action: 'ticket.status_changed', ticketId: existing.id, contactId: existing.contactId, details: { from: existing.status, to: 'open', reason: 'contact_replied' } }, trx)
      existing.merge({ status: 'open', snoozedUntil: null, resolvedAt: null, version: existing.version + 1 })
    }
    existing.lastMessageAt = DateTime.now()
    await existing.save()
    trx.after('commit', () => {
      broadcastInboxEvent(input.workspaceId, { type: 'message.created', ticketId: existing.id, number: existing.number, messageId: message.id, kind: 'inbound' })
    })
    return { contact, ticket: existing, message, createdTicket: false }
  }

  async #contact(trx: TransactionClientContract, input: InboundMessageInput) {
    if (input.contactId) return findInWorkspace(Contact, input.workspaceId, input.contactId, { client: trx, label: 'Contact' })
    const from = input.from ?? {}
    const found =
      (await findContactByExternalId(input.workspaceId, from.externalId, trx)) ??
      (await findContactByEmail(input.workspaceId, from.email, trx)) ??
      (await findContactByPhone(input.workspaceId, from.phone, trx))
    if (found) return found
    if (!from.email && !from.phone && !from.externalId) {
      throw new UserFacingError('An inbound message needs the sender’s email address, phone number or external id.', 'from')
    }
    return new CreateContact().handle(
      input.workspaceId,
      { name: from.name, email: from.email, phone: from.phone, externalIds: from.externalId ? [from.externalId] : [] },
      trx
    )
  }
}
