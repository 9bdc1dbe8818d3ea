/**
 * Appending to a conversation: the message, its sealed attachments and its
 * search tokens, in the caller's transaction. Shared by every action that
 * adds a message (contact, agent, incident update).
 */
import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { UserFacingError } from '#core/errors'
import TicketMessage, { type MessageKind } from '#helpdesk/models/ticket_message'
import TicketAttachment from '#helpdesk/models/ticket_attachment'
import type Ticket from '#helpdesk/models/ticket'
import {
  assertAttachmentAcceptable,
  assertAttachmentCount,
  deleteSealedFile,
  writeSealedFile,
  type AttachmentInput,
} from '#helpdesk/services/attachment_store'
import { indexText } from '#helpdesk/services/search_index'

export const MAX_MESSAGE_LENGTH = 50_000

export interface NewMessage {
  kind: MessageKind
  authorUserId: string | null
  /** 'assistant' for the AI assistant's messages (no user wrote them). */
  authorKind?: 'assistant' | 'system' | null
  body: string
  attachments?: AttachmentInput[]
}

/** A file name without any path, trimmed to a sane length. */
export function cleanFilename(filename: string) {
  const name = basename(filename.replaceAll('\\', '/')).replace(/[\u0000-\u001f]/g, '').trim()
  return (name || 'file').slice(-200)
}

export function cleanBody(body: string | null | undefined, { allowEmpty = false } = {}) {
  const text = (body ?? '').replace(/\r\n/g, '\n').trim()
  if (!text && !allowEmpty) throw new UserFacingError('Write a message first.', 'body')
  if (text.length > MAX_MESSAGE_LENGTH) {
    throw new UserFacingError(`Messages can be at most ${MAX_MESSAGE_LENGTH.toLocaleString('en')} characters.`, 'body')
  }
  return text
}

export async function appendMessage(trx: TransactionClientContract, ticket: Ticket, input: NewMessage) {
  const attachments = (input.attachments ?? []).map((file) => {
    const filename = cleanFilename(file.filename)
    return { ...file, filename, contentType: assertAttachmentAcceptable({ filename, size: file.bytes.byteLength }) }
  })
  assertAttachmentCount(attachments.length)
  const body = cleanBody(input.body, { allowEmpty: attachments.length > 0 })

  const message = await TicketMessage.create(
    {
      workspaceId: ticket.workspaceId,
      ticketId: ticket.id,
      contactId: ticket.contactId,
      kind: input.kind,
      authorUserId: input.authorUserId,
      authorKind: input.authorKind ?? null,
      body,
    },
    { client: trx }
  )
  for (const file of attachments) {
    const id = randomUUID()
    const ref = { workspaceId: ticket.workspaceId, attachmentId: id, contactId: ticket.contactId, sizeBytes: file.bytes.byteLength }
    const storageKey = await writeSealedFile(ref, file.bytes, trx)
    // Nothing stored is lost, and nothing unreferenced stays on disk.
    trx.after('rollback', () => deleteSealedFile(storageKey).catch(() => undefined))
    await TicketAttachment.create(
      {
        id,
        workspaceId: ticket.workspaceId,
        ticketId: ticket.id,
        messageId: message.id,
        contactId: ticket.contactId,
        filename: file.filename,
        contentType: file.contentType,
        sizeBytes: file.bytes.byteLength,
        storageKey,
      },
      { client: trx }
    )
  }
  await indexText(trx, { workspaceId: ticket.workspaceId, ticketId: ticket.id, contactId: ticket.contactId, messageId: message.id, text: body })
  return message
}
