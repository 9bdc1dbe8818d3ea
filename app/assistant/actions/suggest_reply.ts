import { embedderFor, searchKnowledge, type RetrievedPassage } from '#knowledge/index'
import { prepareCall, streamCall, type PreparedCall } from '#assistant/services/ai_gateway'
import { replySystemPrompt, ticketBlock } from '#assistant/services/prompts'
import { ticketForAi } from '#assistant/services/ticket_context'

export interface SuggestionPlan {
  call: PreparedCall
  passages: RetrievedPassage[]
}

/**
 * A draft reply to a ticket, grounded in the knowledge base. `plan` does every
 * check that can refuse (restricted contact, no key, limits) and the retrieval;
 * `stream` then writes the draft as it arrives.
 */
export default class SuggestReply {
  async plan(input: { workspaceId: string; workspaceName: string; ticketId: string; actorUserId: string }): Promise<SuggestionPlan> {
    const ticket = await ticketForAi(input.workspaceId, input.ticketId)
    // The query is already masked: with a remote embeddings API it leaves the platform too.
    const passages = await searchKnowledge(input.workspaceId, ticket.latestQuestion, await embedderFor(input.workspaceId), 5)
    const call = await prepareCall({
      workspaceId: input.workspaceId,
      feature: 'suggested_reply',
      actorUserId: input.actorUserId,
      system: replySystemPrompt(input.workspaceName, passages),
      messages: [{ role: 'user', content: `${ticketBlock(ticket.subject, ticket.messages)}\n\nDraft the reply to the customer's latest message.` }],
      maxTokens: 800,
    })
    return { call, passages }
  }

  stream(plan: SuggestionPlan, onText: (delta: string) => void) {
    return streamCall(plan.call, onText)
  }
}
