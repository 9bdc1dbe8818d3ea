import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { workspaceScope } from '#core/tenancy'

export const EMBEDDING_PROVIDERS = ['local', 'openai', 'voyage'] as const
export type EmbeddingProvider = (typeof EMBEDDING_PROVIDERS)[number]

/** One row per workspace: which embeddings API to use (its key sealed by the vault) and how often URLs are re-fetched. */
export default class KnowledgeSettings extends BaseModel {
  static table = 'knowledge_settings'
  static primaryKey = 'workspaceId'
  static forWorkspace = workspaceScope<typeof KnowledgeSettings>()

  @column({ isPrimary: true })
  declare workspaceId: string

  @column()
  declare embeddingProvider: EmbeddingProvider

  @column()
  declare embeddingBaseUrl: string | null

  @column()
  declare embeddingModel: string | null

  /** Vault ciphertext (secrets.seal); never serialized. */
  @column({ serializeAs: null })
  declare embeddingApiKey: string | null

  /** "••••f9a2": all the browser ever sees of the key. */
  @column()
  declare embeddingKeyHint: string | null

  @column()
  declare refetchHours: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
