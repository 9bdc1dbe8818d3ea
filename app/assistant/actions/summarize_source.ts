import type { SourceToSummarize, SummaryOutcome } from '#knowledge/index'
import { UserFacingError } from '#core/errors'
import { runCall } from '#assistant/services/ai_gateway'
import { anthropicKeyOf } from '#assistant/services/settings'
import { SOURCE_SUMMARY_SYSTEM, documentBlock } from '#assistant/services/prompts'

const MAX_DOCUMENT_CHARS = 12_000

/** The knowledge base's source summarizer (registered at boot): skipped with a note when no provider is set up. */
export default class SummarizeSource {
  async handle(source: SourceToSummarize): Promise<SummaryOutcome> {
    if (!(await anthropicKeyOf(source.workspaceId))) return { note: 'No summary: no AI provider is set up.' }
    try {
      const result = await runCall({
        workspaceId: source.workspaceId,
        feature: 'source_summary',
        actorUserId: null,
        system: SOURCE_SUMMARY_SYSTEM,
        messages: [{ role: 'user', content: `${documentBlock(source.title, source.text.slice(0, MAX_DOCUMENT_CHARS))}\n\nSummarise this document.` }],
        maxTokens: 200,
      })
      return { summary: result.text.trim() }
    } catch (error) {
      if (error instanceof UserFacingError) return { note: `No summary: ${error.message}` }
      throw error
    }
  }
}
