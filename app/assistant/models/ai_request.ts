import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { workspaceScope } from '#core/tenancy'

export const AI_FEATURES = ['suggested_reply', 'playground', 'ticket_summary', 'source_summary', 'widget_answer'] as const
export type AiFeature = (typeof AI_FEATURES)[number]

/** One call to the AI provider: who, what for, which model and subprocessor, token counts. Never content. */
export default class AiRequest extends BaseModel {
  static table = 'ai_requests'
  static forWorkspace = workspaceScope<typeof AiRequest>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare feature: AiFeature

  @column()
  declare model: string

  @column()
  declare subprocessor: string

  @column()
  declare inputTokens: number

  @column()
  declare outputTokens: number

  /** ok, or the provider error kind (auth_error, rate_limited, overloaded, timeout, error). */
  @column()
  declare outcome: string

  @column()
  declare durationMs: number

  @column()
  declare actorUserId: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
