import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { encrypted, withEncryption } from '#vault/index'
import { workspaceScope } from '#core/tenancy'

export interface RetrievalRecord {
  chunkId: string
  sourceId: string
  sourceTitle: string
  heading: string | null
  excerpt: string
  vectorScore: number | null
  vectorRank: number | null
  ftsScore: number | null
  ftsRank: number | null
  fusedScore: number
}

/** One question (role user) or answer (role assistant) of a playground thread, sealed with the workspace key. */
export default class AssistantThreadMessage extends compose(BaseModel, withEncryption()) {
  static table = 'assistant_thread_messages'
  static forWorkspace = workspaceScope<typeof AssistantThreadMessage>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare threadId: string

  @column()
  declare role: 'user' | 'assistant'

  @encrypted.string()
  declare content: string

  /** The passages retrieved for the question, with their vector, full-text and fused scores. */
  @encrypted.json()
  declare retrieval: RetrievalRecord[] | null

  @column()
  declare inputTokens: number

  @column()
  declare outputTokens: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
