import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { UserFacingError } from '#core/errors'
import Contact from '#helpdesk/models/contact'
import Ticket from '#helpdesk/models/ticket'
import { tagIdsOf } from '#helpdesk/services/ticket_tags'
import type TicketMessage from '#helpdesk/models/ticket_message'
import { findInWorkspace } from '#helpdesk/services/records'
import { appendMessage } from '#helpdesk/services/conversation'
import { recordAnalytics, secondsBetween } from '#helpdesk/services/analytics'
import { broadcastInboxEvent } from '#helpdesk/services/realtime'
import { emitMessageSent } from '#helpdesk/events'
import { inTransaction } from '#helpdesk/services/transactions'
import type { AttachmentInput } from '#helpdesk/services/attachment_store'

export interface AgentMessageInput {
  workspaceId: string
  ticketId: string
  /** null: written by the system on the team's behalf (e.g. the widget's AI assistant). */
  authorUserId: string | null
  /** 'assistant' when the AI assistant wrote it (authorUserId is then null). */
  authorKind?: 'assistant' | 'system' | null
  /** outbound: a reply the contact receives; note: internal, for staff only. */
  kind: 'outbound' | 'note'
  body: string
  attachments?: AttachmentInput[]
}

/**
 * An agent's reply or internal note. Messages are appended, never edited,
 * so two agents writing at once both keep their words. The first reply to
 * a contact's ticket records the first-response time.
 */
export default class AddTicketMessage {
  async handle(input: AgentMessageInput, trx?: TransactionClientContract): Promise<TicketMessage> {
    return inTransaction(trx, async (client) => {
      const ticket = await findInWorkspace(Ticket, input.workspaceId, input.ticketId, { client, forUpdate: true, label: 'Ticket' })
      ticket.useTransaction(client)
      if (ticket.status === 'closed') {
        throw new UserFacingError(`#${ticket.number} is closed. Open a new ticket to write to this contact again.`, 'body')
      }
      const message = await appendMessage(client, ticket, input)
      if (input.kind === 'outbound') {
        const contact = await Contact.query({ client }).where('id', ticket.contactId).firstOrFail()
        const now = DateTime.now()
        const facts = {
          workspaceId: ticket.workspaceId,
          ticketId: ticket.id,
          contactId: ticket.contactId,
          agentUserId: input.authorUserId,
          teamId: ticket.teamId,
          channel: ticket.channel,
          tagIds: await tagIdsOf(client, ticket.id),
        }
        await recordAnalytics(contact, { ...facts, type: 'message_sent' }, client)
        // The clock of a first response stops at a person's reply, not at an assistant's answer.
        if (!ticket.firstResponseAt && input.authorKind !== 'assistant' && (await this.#contactWroteFirst(client, ticket))) {
          ticket.firstResponseAt = now
          await recordAnalytics(contact, { ...facts, type: 'first_response', value: secondsBetween(ticket.createdAt, now) }, client)
        }
        ticket.lastMessageAt = now
        await ticket.save()
        client.after('commit', () => emitMessageSent({ workspaceId: ticket.workspaceId, ticketId: ticket.id, messageId: message.id, channel: ticket.channel }))
      }
      client.after('commit', () => {
        broadcastInboxEvent(ticket.workspaceId, { type: 'message.created', ticketId: ticket.id, number: ticket.number, messageId: message.id, kind: input.kind })
      })
      return message
    })
  }

  /** First response is measured on conversations the contact started. */
  async #contactWroteFirst(client: TransactionClientContract, ticket: Ticket) {
    const first = await client.from('ticket_messages').where('ticket_id', ticket.id).whereNot('kind', 'note').orderBy('created_at').select('kind').first()
    return first?.kind === 'inbound'
  }
}
