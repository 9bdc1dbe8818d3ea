import { User } from '#identity/index'
import CannedReply from '#helpdesk/models/canned_reply'
import Ticket from '#helpdesk/models/ticket'
import Contact from '#helpdesk/models/contact'
import { findInWorkspace } from '#helpdesk/services/records'
import { fillPlaceholders } from '#helpdesk/services/placeholders'

export interface RenderCannedReplyInput {
  workspaceId: string
  replyId: string
  ticketId: string
  agentUserId: string
}

/** A canned reply with its placeholders filled for one ticket and agent, ready to edit and send. */
export default class RenderCannedReply {
  async handle(input: RenderCannedReplyInput) {
    const reply = await findInWorkspace(CannedReply, input.workspaceId, input.replyId, { label: 'Canned reply' })
    const ticket = await findInWorkspace(Ticket, input.workspaceId, input.ticketId, { label: 'Ticket' })
    const contact = await Contact.findOrFail(ticket.contactId)
    const agent = await User.findOrFail(input.agentUserId)
    return fillPlaceholders(reply.body, {
      contact: { name: contact.name, email: contact.email },
      agent: { name: agent.fullName },
      ticket: { number: ticket.number },
    })
  }
}
