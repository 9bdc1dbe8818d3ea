import type { RetrievedPassage } from '#knowledge/index'
import type AssistantThread from '#assistant/models/assistant_thread'
import type AssistantThreadMessage from '#assistant/models/assistant_thread_message'
import type { RetrievalRecord } from '#assistant/models/assistant_thread_message'
import type TicketSummary from '#assistant/models/ticket_summary'
import type { EffectiveSettings } from '#assistant/services/settings'

export function sourceHref(slug: string) {
  return (sourceId: string, chunkId: string) => `/w/${slug}/knowledge/${sourceId}?chunk=${chunkId}#chunk-${chunkId}`
}

/** A citation as the browser shows it: [n] → the passage in its source. */
export function citationDtos(slug: string, passages: (RetrievedPassage | RetrievalRecord)[]) {
  const href = sourceHref(slug)
  return passages.map((passage, index) => ({
    number: index + 1,
    chunkId: passage.chunkId,
    sourceId: passage.sourceId,
    sourceTitle: passage.sourceTitle,
    heading: passage.heading,
    excerpt: 'content' in passage ? passage.content.slice(0, 600) : passage.excerpt,
    href: href(passage.sourceId, passage.chunkId),
    vectorScore: passage.vectorScore,
    vectorRank: passage.vectorRank,
    ftsScore: passage.ftsScore,
    ftsRank: passage.ftsRank,
    fusedScore: passage.fusedScore,
  }))
}

export function assistantSettingsDto(settings: EffectiveSettings) {
  return settings
}

export function threadListDto(thread: AssistantThread) {
  return { id: thread.id, title: thread.isShredded ? 'Erased' : thread.title, updatedAt: thread.updatedAt.toISO()! }
}

export function threadMessageDto(slug: string, message: AssistantThreadMessage) {
  return {
    id: message.id,
    role: message.role,
    content: message.content ?? '',
    citations: message.retrieval ? citationDtos(slug, message.retrieval) : [],
    inputTokens: message.inputTokens,
    outputTokens: message.outputTokens,
    createdAt: message.createdAt.toISO()!,
  }
}

export function ticketSummaryDto(summary: TicketSummary) {
  return { ticketId: summary.ticketId, summary: summary.summary, messageCount: summary.messageCount, model: summary.model, updatedAt: summary.updatedAt.toISO()! }
}
