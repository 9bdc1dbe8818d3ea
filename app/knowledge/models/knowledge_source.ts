import { DateTime } from 'luxon'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { randomUUID } from 'node:crypto'
import { workspaceScope } from '#core/tenancy'

export const SOURCE_KINDS = ['upload', 'url', 'text'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]
export const SOURCE_STATUSES = ['queued', 'extracting', 'embedding', 'ready', 'failed'] as const
export type SourceStatus = (typeof SOURCE_STATUSES)[number]

/** A document, web page or pasted text the workspace's answers are grounded in. */
export default class KnowledgeSource extends BaseModel {
  static table = 'knowledge_sources'
  static selfAssignPrimaryKey = true
  static forWorkspace = workspaceScope<typeof KnowledgeSource>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare kind: SourceKind

  @column()
  declare title: string

  @column()
  declare url: string | null

  @column()
  declare filename: string | null

  @column()
  declare contentType: string | null

  /** Drive key of an uploaded file (ids only). */
  @column()
  declare storageKey: string | null

  @column()
  declare pastedText: string | null

  @column()
  declare byteSize: number | null

  @column()
  declare status: SourceStatus

  @column()
  declare failureReason: string | null

  @column()
  declare chunkCount: number

  @column()
  declare summary: string | null

  /** Why there is no summary (no AI provider, a provider error). */
  @column()
  declare summaryNote: string | null

  @column()
  declare contentHash: string | null

  @column()
  declare embeddingModel: string | null

  @column.dateTime()
  declare lastSyncedAt: DateTime | null

  @column()
  declare createdByUserId: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @beforeCreate()
  static assignId(source: KnowledgeSource) {
    source.id ??= randomUUID()
  }
}
