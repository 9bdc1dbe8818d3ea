import { readFile } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import HelpdeskPolicy from '#helpdesk/policies/helpdesk_policy'
import AddTicketMessage from '#helpdesk/actions/add_ticket_message'
import ReadAttachment from '#helpdesk/actions/read_attachment'
import { messageValidator } from '#helpdesk/validators/helpdesk'
import { assertAttachmentAcceptable, assertAttachmentCount } from '#helpdesk/services/attachment_store'
import { findInWorkspace } from '#helpdesk/services/records'
import Ticket from '#helpdesk/models/ticket'
import { wantsJson, workspaceContext } from '#helpdesk/controllers/context'

export default class TicketMessagesController {
  /** A reply or an internal note, with optional attachments (multipart field "attachments"). */
  async store(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    const ticket = await findInWorkspace(Ticket, workspace.id, ctx.params.id, { label: 'Ticket' })
    await ctx.bouncer.with(HelpdeskPolicy).authorize('work', membership)
    const input = await ctx.request.validateUsing(messageValidator)
    const files = ctx.request.files('attachments')
    assertAttachmentCount(files.length)
    // Size and type are checked before a byte is read into memory.
    for (const file of files) assertAttachmentAcceptable({ filename: file.clientName, size: file.size })
    const attachments = await Promise.all(files.map(async (file) => ({ filename: file.clientName, bytes: await readFile(file.tmpPath!) })))
    const message = await new AddTicketMessage().handle({
      workspaceId: workspace.id,
      ticketId: ticket.id,
      authorUserId: user.id,
      kind: input.kind,
      body: input.body ?? '',
      attachments,
    })
    if (wantsJson(ctx)) return ctx.response.created({ id: message.id, kind: message.kind })
    ctx.session.flash('success', input.kind === 'note' ? 'Internal note added.' : `Reply sent on #${ticket.number}.`)
    return ctx.response.redirect().back()
  }

  /** Downloads an attachment, decrypted; always as a download, never rendered inline. */
  async attachment(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(HelpdeskPolicy).authorize('view', membership)
    const { attachment, bytes } = await new ReadAttachment().handle(workspace.id, String(ctx.params.id), String(ctx.params.attachmentId))
    const asciiName = attachment.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')
    return ctx.response
      .header('Content-Type', attachment.contentType)
      .header('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .send(bytes)
  }
}
