import Ticket from '#helpdesk/models/ticket'
import { findInWorkspace } from '#helpdesk/services/records'

/** A ticket with everything its conversation view shows (404 for another workspace's ticket). */
export default class GetTicketConversation {
  async handle(workspaceId: string, ticketId: string) {
    const ticket = await findInWorkspace(Ticket, workspaceId, ticketId, { label: 'Ticket' })
    await ticket.load((loader) => {
      loader
        .load('contact')
        .load('assignee')
        .load('team')
        .load('incident')
        .load('tags', (tags) => tags.orderBy('name'))
        .load('messages', (messages) => messages.orderBy('created_at').preload('author').preload('attachments', (files) => files.orderBy('created_at')))
        .load('csatSurveys', (surveys) => surveys.whereNotNull('rated_at').orderBy('rated_at', 'desc'))
    })
    return ticket
  }
}
