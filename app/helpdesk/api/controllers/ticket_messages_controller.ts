import type { HttpContext } from '@adonisjs/core/http'
import { apiAnswer } from '#helpdesk/api/services/api_responses'
import Ticket from '#helpdesk/models/ticket'
import TicketMessage from '#helpdesk/models/ticket_message'
import AddTicketMessage from '#helpdesk/actions/add_ticket_message'
import CreateInboundMessage from '#helpdesk/actions/create_inbound_message'
import { findInWorkspace } from '#helpdesk/services/records'
import { listJson, messageJson } from '#helpdesk/api/presenters/api_resources'
import { createMessageValidator, listMessagesValidator } from '#helpdesk/api/validators/api_resources'

/** /api/v1/tickets/:id/messages: the conversation, oldest first; messages are appended, never edited. */
export default class ApiTicketMessagesController {
  async index(ctx: HttpContext) {
    const { request, params, workspace } = ctx
    return apiAnswer(ctx, async () => {
      const ticket = await findInWorkspace(Ticket, workspace!.id, params.id, { label: 'Ticket' })
      const input = await request.validateUsing(listMessagesValidator, { data: request.qs() })
      const page = await TicketMessage.query()
        .withScopes((scopes) => scopes.forWorkspace(workspace!))
        .where('ticket_id', ticket.id)
        .if(input.kind, (query) => query.where('kind', input.kind!))
        .preload('attachments', (files) => files.orderBy('created_at'))
        .orderBy('created_at')
        .orderBy('id')
        .paginate(input.page ?? 1, input.per_page ?? 50)
      return listJson(page, messageJson)
    })
  }

  /**
   * inbound: the contact wrote (reopens a pending or resolved ticket; on a
   * closed one it opens a follow-up ticket, named by `ticket_id` in the
   * answer). outbound / note: an agent's reply or internal note.
   */
  async store(ctx: HttpContext) {
    const { request, response, params, workspace } = ctx
    return apiAnswer(ctx, async () => {
      const ticket = await findInWorkspace(Ticket, workspace!.id, params.id, { label: 'Ticket' })
      const input = await request.validateUsing(createMessageValidator, { meta: { workspaceId: workspace!.id } })
      const message =
        input.kind === 'inbound'
          ? (await new CreateInboundMessage().handle({ workspaceId: workspace!.id, contactId: ticket.contactId, ticketId: ticket.id, body: input.body, channel: 'api' })).message
          : await new AddTicketMessage().handle({ workspaceId: workspace!.id, ticketId: ticket.id, authorUserId: input.author_id!, kind: input.kind, body: input.body })
      return response.created({ data: messageJson(message) })
    })
  }
}
