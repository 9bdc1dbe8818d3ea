/**
 * Public face of the AI assistant: suggested replies, summaries, playground,
 * token usage and redaction. It sits above the helpdesk and the knowledge
 * base; nothing below imports it (the source summarizer is registered into
 * the knowledge base at boot by `registerAssistantHooks`).
 */
import { registerSourceSummarizer } from '#knowledge/index'
import SummarizeSource from '#assistant/actions/summarize_source'

export { default as AssistantSettings, DEFAULT_MODEL, MODEL_CHOICES } from '#assistant/models/assistant_settings'
export { default as AiRequest, AI_FEATURES, type AiFeature } from '#assistant/models/ai_request'
export { default as TicketSummary } from '#assistant/models/ticket_summary'
export { default as SaveAssistantSettings } from '#assistant/actions/save_assistant_settings'
export { default as SuggestReply } from '#assistant/actions/suggest_reply'
export { default as AnswerVisitor, type VisitorAnswer } from '#assistant/actions/answer_visitor'
export { ProcessingRestrictedError } from '#assistant/services/ticket_context'
export { default as SummarizeTicket } from '#assistant/actions/summarize_ticket'
export { default as AskPlayground } from '#assistant/actions/ask_playground'
export { default as BuildUsageReport } from '#assistant/actions/build_usage_report'
export { redact, passesLuhn } from '#assistant/services/redaction'
export { default as AssistantPolicy } from '#assistant/policies/assistant_policy'
export { assistantPersonalData } from '#assistant/personal_data'
export { SUBPROCESSOR as AI_SUBPROCESSOR } from '#assistant/services/anthropic'

export function registerAssistantHooks() {
  registerSourceSummarizer((source) => new SummarizeSource().handle(source))
}
