import type KnowledgeSource from '#knowledge/models/knowledge_source'
import type KnowledgeSettings from '#knowledge/models/knowledge_settings'
import type { RetrievedPassage } from '#knowledge/services/retrieval'

export interface SourceDto {
  id: string
  kind: string
  title: string
  url: string | null
  filename: string | null
  status: string
  failureReason: string | null
  chunkCount: number
  summary: string | null
  summaryNote: string | null
  byteSize: number | null
  lastSyncedAt: string | null
  createdAt: string
}

export function sourceDto(source: KnowledgeSource): SourceDto {
  return {
    id: source.id,
    kind: source.kind,
    title: source.title,
    url: source.url,
    filename: source.filename,
    status: source.status,
    failureReason: source.failureReason,
    chunkCount: source.chunkCount,
    summary: source.summary,
    summaryNote: source.summaryNote,
    byteSize: source.byteSize,
    lastSyncedAt: source.lastSyncedAt?.toISO() ?? null,
    createdAt: source.createdAt.toISO()!,
  }
}

export function sourceDetailDto(source: KnowledgeSource) {
  return { ...sourceDto(source), pastedText: source.kind === 'text' ? source.pastedText : null }
}

export interface KnowledgeSettingsDto {
  embeddingProvider: string
  embeddingBaseUrl: string | null
  embeddingModel: string | null
  embeddingKeyHint: string | null
  refetchHours: number
}

export function knowledgeSettingsDto(settings: KnowledgeSettings | null): KnowledgeSettingsDto {
  return {
    embeddingProvider: settings?.embeddingProvider ?? 'local',
    embeddingBaseUrl: settings?.embeddingBaseUrl ?? null,
    embeddingModel: settings?.embeddingModel ?? null,
    embeddingKeyHint: settings?.embeddingKeyHint ?? null,
    refetchHours: settings?.refetchHours ?? 24,
  }
}

/** A passage as the browser sees it: where it comes from and why it was retrieved. */
export function passageDto(passage: RetrievedPassage, sourceHref: (sourceId: string, chunkId: string) => string) {
  return { ...passage, href: sourceHref(passage.sourceId, passage.chunkId) }
}
