import TicketSummary from '#assistant/models/ticket_summary'
import { runCall } from '#assistant/services/ai_gateway'
import { TICKET_SUMMARY_SYSTEM, ticketBlock } from '#assistant/services/prompts'
import { ticketForAi } from '#assistant/services/ticket_context'

/** Summarises a ticket's conversation; the summary is sealed with the contact's key (erased with them). */
export default class SummarizeTicket {
  async handle(input: { workspaceId: string; ticketId: string; actorUserId: string | null }) {
    const ticket = await ticketForAi(input.workspaceId, input.ticketId)
    const result = await runCall({
      workspaceId: input.workspaceId,
      feature: 'ticket_summary',
      actorUserId: input.actorUserId,
      system: TICKET_SUMMARY_SYSTEM,
      messages: [{ role: 'user', content: `${ticketBlock(ticket.subject, ticket.messages)}\n\nSummarise this conversation.` }],
      maxTokens: 300,
    })
    const existing = await TicketSummary.query().where('workspace_id', input.workspaceId).where('ticket_id', ticket.ticketId).first()
    const summary = existing ?? new TicketSummary()
    summary.merge({
      workspaceId: input.workspaceId,
      ticketId: ticket.ticketId,
      contactId: ticket.contactId,
      summary: result.text.trim(),
      messageCount: ticket.messages.length,
      model: result.model,
    })
    await summary.save()
    return summary
  }
}
