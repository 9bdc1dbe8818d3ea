import { RecordNotFoundException } from '#core/tenancy'
import TicketAttachment from '#helpdesk/models/ticket_attachment'
import { findInWorkspace } from '#helpdesk/services/records'
import { readSealedFile } from '#helpdesk/services/attachment_store'

/** The decrypted bytes of an attachment of a ticket of the workspace (404 for anything else). */
export default class ReadAttachment {
  async handle(workspaceId: string, ticketId: string, attachmentId: string) {
    const attachment = await findInWorkspace(TicketAttachment, workspaceId, attachmentId, { label: 'Attachment' })
    if (attachment.ticketId !== ticketId) throw new RecordNotFoundException('Attachment not found')
    const bytes = await readSealedFile(
      { workspaceId, attachmentId: attachment.id, contactId: attachment.contactId, sizeBytes: attachment.sizeBytes },
      attachment.storageKey
    )
    return { attachment, bytes }
  }
}
