import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Contact from '#helpdesk/models/contact'
import Ticket, { type TicketPriority } from '#helpdesk/models/ticket'
import CustomField from '#helpdesk/models/custom_field'
import type TicketMessage from '#helpdesk/models/ticket_message'
import { findInWorkspace } from '#helpdesk/services/records'
import { nextTicketNumber } from '#helpdesk/services/ticket_numbers'
import { appendMessage } from '#helpdesk/services/conversation'
import { indexText } from '#helpdesk/services/search_index'
import { assertAssignable, assertTags, assertTeam } from '#helpdesk/services/workspace_refs'
import { applyCustomValues } from '#helpdesk/services/custom_values'
import { recordAnalytics } from '#helpdesk/services/analytics'
import { recordActivity } from '#helpdesk/services/activity'
import { broadcastInboxEvent } from '#helpdesk/services/realtime'
import { emitMessageSent } from '#helpdesk/events'
import { inTransaction } from '#helpdesk/services/transactions'
import type { AttachmentInput } from '#helpdesk/services/attachment_store'
import { UserFacingError } from '#core/errors'

export interface CreateTicketInput {
  workspaceId: string
  contactId: string
  subject: string
  body: string
  channel?: string
  priority?: TicketPriority
  assigneeUserId?: string | null
  teamId?: string | null
  tagIds?: string[]
  customValues?: Record<string, unknown>
  attachments?: AttachmentInput[]
  /** The agent opening the ticket (first message outbound); null when the contact wrote in (inbound). */
  actorUserId: string | null
}

export interface CreatedTicket {
  ticket: Ticket
  message: TicketMessage
}

export const MAX_SUBJECT_LENGTH = 200

export function cleanSubject(subject: string | null | undefined, body: string) {
  const text = (subject ?? '').replace(/\s+/g, ' ').trim() || body.replace(/\s+/g, ' ').trim().slice(0, 80) || '(no subject)'
  if (text.length > MAX_SUBJECT_LENGTH) throw new UserFacingError(`Subjects can be at most ${MAX_SUBJECT_LENGTH} characters.`, 'subject')
  return text
}

/**
 * Opens a ticket with its first message, in the caller's transaction when
 * given. Used by agents ("new ticket"), the API and — through
 * CreateInboundMessage — the channels.
 */
export default class CreateTicket {
  async handle(input: CreateTicketInput, trx?: TransactionClientContract): Promise<CreatedTicket> {
    const created = await inTransaction(trx, async (client) => {
      const contact = await findInWorkspace(Contact, input.workspaceId, input.contactId, { client, label: 'Contact' })
      await assertAssignable(client, input.workspaceId, input.assigneeUserId)
      await assertTeam(client, input.workspaceId, input.teamId)
      await assertTags(client, input.workspaceId, input.tagIds)
      const fields = input.customValues ? await CustomField.query({ client }).where('workspace_id', input.workspaceId) : []
      const customValues = input.customValues ? applyCustomValues(fields, null, input.customValues) : null
      const subject = cleanSubject(input.subject, input.body ?? '')
      const now = DateTime.now()
      const ticket = await Ticket.create(
        {
          workspaceId: input.workspaceId,
          number: await nextTicketNumber(client, input.workspaceId),
          contactId: contact.id,
          subject,
          status: 'open',
          priority: input.priority ?? 'normal',
          channel: input.channel ?? (input.actorUserId ? 'web' : 'email'),
          assigneeUserId: input.assigneeUserId ?? null,
          teamId: input.teamId ?? null,
          incidentId: null,
          customValues: customValues && Object.keys(customValues).length > 0 ? customValues : null,
          snoozedUntil: null,
          version: 1,
          lastMessageAt: now,
        },
        { client }
      )
      if (input.tagIds?.length) {
        await ticket.related('tags').attach(Object.fromEntries([...new Set(input.tagIds)].map((id) => [id, { workspace_id: input.workspaceId }])), client)
      }
      await indexText(client, { workspaceId: input.workspaceId, ticketId: ticket.id, contactId: contact.id, messageId: null, text: subject })
      const kind = input.actorUserId ? 'outbound' : 'inbound'
      const message = await appendMessage(client, ticket, { kind, authorUserId: input.actorUserId, body: input.body, attachments: input.attachments })

      const facts = { workspaceId: input.workspaceId, ticketId: ticket.id, contactId: contact.id, teamId: ticket.teamId, channel: ticket.channel, tagIds: input.tagIds ?? null }
      await recordAnalytics(contact, { ...facts, type: 'ticket_created', agentUserId: input.actorUserId }, client)
      if (kind === 'outbound') await recordAnalytics(contact, { ...facts, type: 'message_sent', agentUserId: input.actorUserId }, client)
      await recordActivity({ workspaceId: input.workspaceId, actorUserId: input.actorUserId, action: 'ticket.created', ticketId: ticket.id, contactId: contact.id, details: { number: ticket.number, channel: ticket.channel } }, client)

      client.after('commit', async () => {
        broadcastInboxEvent(input.workspaceId, { type: 'ticket.created', ticketId: ticket.id, number: ticket.number })
        if (kind === 'outbound') await emitMessageSent({ workspaceId: input.workspaceId, ticketId: ticket.id, messageId: message.id, channel: ticket.channel })
      })
      return { ticket, message }
    })
    return created
  }
}
