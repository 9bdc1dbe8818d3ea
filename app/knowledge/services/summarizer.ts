/**
 * Source summaries are written by the AI assistant, a layer above this
 * module; it registers itself here at boot. With none registered (or no
 * provider configured) a source is still ready, with a note instead.
 */
export interface SourceToSummarize {
  workspaceId: string
  sourceId: string
  title: string
  text: string
}

export interface SummaryOutcome {
  summary?: string
  note?: string
}

export type SourceSummarizer = (source: SourceToSummarize) => Promise<SummaryOutcome>

let summarizer: SourceSummarizer | null = null

export function registerSourceSummarizer(next: SourceSummarizer | null) {
  summarizer = next
}

export async function summarizeSource(source: SourceToSummarize): Promise<SummaryOutcome> {
  if (!summarizer) return { note: 'No summary: no AI provider is set up.' }
  return summarizer(source)
}
