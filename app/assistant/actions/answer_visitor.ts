import { embedderFor, searchKnowledge, type RetrievedPassage } from '#knowledge/index'
import { prepareCall, streamCall } from '#assistant/services/ai_gateway'
import { NO_ANSWER, ticketBlock, visitorSystemPrompt } from '#assistant/services/prompts'
import { ticketForAi } from '#assistant/services/ticket_context'

export interface VisitorAnswer {
  /** False when the knowledge base had nothing to say (then `text` is empty and nothing was sent to the AI). */
  answered: boolean
  text: string
  passages: RetrievedPassage[]
  /** Passage numbers the answer cites, in order of first mention. */
  cited: number[]
}

/**
 * Answers a website visitor's question in the chat widget, grounded in the
 * knowledge base. The same privacy rules as suggested replies: the contact
 * must not be restricted or objecting (ProcessingRestrictedError before
 * anything leaves), the conversation is redacted, limits are checked and the
 * request is logged without content. With no passage found, the AI is not
 * called at all.
 */
export default class AnswerVisitor {
  async handle(input: { workspaceId: string; workspaceName: string; ticketId: string }): Promise<VisitorAnswer> {
    const ticket = await ticketForAi(input.workspaceId, input.ticketId)
    const passages = await searchKnowledge(input.workspaceId, ticket.latestQuestion, await embedderFor(input.workspaceId), 4)
    if (passages.length === 0) return { answered: false, text: '', passages, cited: [] }
    const call = await prepareCall({
      workspaceId: input.workspaceId,
      feature: 'widget_answer',
      actorUserId: null,
      system: visitorSystemPrompt(input.workspaceName, passages),
      messages: [{ role: 'user', content: `${ticketBlock(ticket.subject, ticket.messages)}\n\nAnswer the customer's latest message.` }],
      maxTokens: 600,
    })
    const result = await streamCall(call)
    const text = result.text.trim()
    const cited = [...new Set([...text.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1])))].filter((number) => number >= 1 && number <= passages.length)
    const answered = Boolean(text) && !text.includes(NO_ANSWER) && cited.length > 0
    return { answered, text: answered ? text : '', passages, cited }
  }
}
