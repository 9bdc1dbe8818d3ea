import { randomUUID } from 'node:crypto'
import env from '#start/env'
import { audit } from '#core/audit'
import { AddTicketMessage, Contact, ReadAttachment, Ticket, TicketMessage } from '#helpdesk/index'
import { Workspace } from '#identity/index'
import EmailMessage from '#channels/models/email_message'
import MailboxConnection from '#channels/models/mailbox_connection'
import { MailboxReconnectRequired, mailboxProvider } from '#channels/services/mail/provider'
import { composeReply, replySubject } from '#channels/services/mail/outbound_mail'

/** References kept in a reply: the thread's first message and the newest ones (as mail clients do). */
const MAX_REFERENCES = 20

export class EmailNotSent extends Error {}

/**
 * An agent's public reply on an email ticket, out through the mailbox the
 * conversation came in on: From the connected address, threaded with
 * In-Reply-To/References, our own Message-ID and an X-Vaultdesk header so
 * it is recognised if it ever comes back in. Idempotent per message (a
 * retried job does not send twice once a send went through); a failed send
 * throws so the job retries it.
 */
export default class SendEmailReply {
  async handle(input: { workspaceId: string; messageId: string }) {
    const message = await TicketMessage.query().where('workspace_id', input.workspaceId).where('id', input.messageId).preload('attachments').first()
    if (!message || message.kind !== 'outbound') return null
    const ticket = await Ticket.query().where('workspace_id', input.workspaceId).where('id', message.ticketId).firstOrFail()

    const row =
      (await EmailMessage.query().where('message_id', message.id).where('direction', 'outbound').first()) ??
      new EmailMessage().merge({ workspaceId: ticket.workspaceId, ticketId: ticket.id, messageId: message.id, contactId: ticket.contactId, direction: 'outbound', status: 'pending', attempts: 0 })
    if (row.status === 'sent') return row

    const thread = await EmailMessage.query().where('workspace_id', ticket.workspaceId).where('ticket_id', ticket.id).whereNotNull('rfc_message_id').orderBy('created_at', 'asc')
    const lastInbound = [...thread].reverse().find((entry) => entry.direction === 'inbound' && entry.connectionId)
    const connection = await this.#connection(ticket.workspaceId, lastInbound?.connectionId ?? null)
    const contact = await Contact.query().where('workspace_id', ticket.workspaceId).where('id', ticket.contactId).first()

    const problem = !connection ? 'no connected mailbox to send from' : !contact?.email ? 'the contact has no email address' : null
    if (problem || !connection || !contact?.email) {
      row.merge({ status: 'failed', error: problem, attempts: row.attempts + 1 })
      await row.save()
      // A conversation that came through a mailbox expects its replies by email: retrying cannot
      // help, so the agents are told on the ticket. (Email tickets made otherwise, say through the
      // API with no mailbox in the workspace, are answered in the helpdesk only, as before.)
      if (lastInbound) {
        await new AddTicketMessage().handle({ workspaceId: ticket.workspaceId, ticketId: ticket.id, authorUserId: null, authorKind: 'system', kind: 'note', body: `This reply was not emailed: ${problem}.` })
      }
      return row
    }

    const ids = thread.map((entry) => entry.rfcMessageId).filter((id): id is string => Boolean(id))
    const references = ids.length > MAX_REFERENCES ? [ids[0], ...ids.slice(-(MAX_REFERENCES - 1))] : ids
    const inReplyTo = lastInbound?.rfcMessageId ?? ids.at(-1) ?? null
    const rfcMessageId = row.rfcMessageId ?? `${randomUUID()}@${messageIdDomain()}`
    row.merge({ connectionId: connection.id, rfcMessageId, providerThreadId: lastInbound?.providerThreadId ?? row.providerThreadId ?? null, attempts: row.attempts + 1 })
    await row.save()

    const workspace = await Workspace.find(ticket.workspaceId)
    const attachments = []
    for (const attachment of message.attachments) {
      const { bytes } = await new ReadAttachment().handle(ticket.workspaceId, ticket.id, attachment.id)
      attachments.push({ filename: attachment.filename, contentType: attachment.contentType, content: bytes })
    }
    const raw = await composeReply({
      from: { name: workspace?.name ?? '', address: connection.address },
      to: contact.email,
      subject: replySubject(ticket.subject),
      text: message.body,
      messageId: rfcMessageId,
      inReplyTo,
      references,
      ticketNumber: ticket.number,
      attachments,
    })

    try {
      const sent = await mailboxProvider(connection.provider).send(connection, { raw, from: connection.address, to: [contact.email], providerThreadId: row.providerThreadId })
      row.merge({ status: 'sent', error: null, providerMessageId: sent.providerMessageId?.slice(0, 255) ?? null, providerThreadId: sent.providerThreadId ?? row.providerThreadId })
      await row.save()
      return row
    } catch (error) {
      row.merge({ status: 'failed', error: (error instanceof Error ? error.message : 'send failed').slice(0, 300) })
      await row.save()
      if (error instanceof MailboxReconnectRequired) {
        connection.merge({ status: 'reconnect_required', lastError: error.message.slice(0, 300) })
        await connection.save()
        await audit({ action: 'mailbox.reconnect_required', workspaceId: connection.workspaceId, targetType: 'mailbox_connection', targetId: connection.id, metadata: { provider: connection.provider }, actor: { type: 'system', id: null } })
      }
      throw new EmailNotSent(row.error ?? 'send failed')
    }
  }

  /** The mailbox the conversation came in on while it is active, else the workspace's oldest active one. */
  async #connection(workspaceId: string, preferredId: string | null) {
    if (preferredId) {
      const preferred = await MailboxConnection.query().where('workspace_id', workspaceId).where('id', preferredId).where('status', 'active').first()
      if (preferred) return preferred
    }
    return MailboxConnection.query().where('workspace_id', workspaceId).where('status', 'active').orderBy('created_at', 'asc').first()
  }
}

/** Our Message-IDs carry the app's host name (e.g. `<uuid@vaultdesk.example>`). */
export function messageIdDomain() {
  try {
    return new URL(env.get('APP_URL') ?? 'http://vaultdesk.localhost').hostname || 'vaultdesk.localhost'
  } catch {
    return 'vaultdesk.localhost'
  }
}
