import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { workspaceScope } from '#core/tenancy'

export const DEFAULT_MODEL = 'claude-sonnet-5-5'
export const MODEL_CHOICES = ['claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-opus-5-5'] as const

/**
 * Models Anthropic has retired or scheduled for end of life, with the current
 * model of the same tier. A workspace that saved one keeps working: its calls
 * go to the successor (migration 0082 also rewrites the stored choice).
 */
export const RETIRED_MODELS: Record<string, (typeof MODEL_CHOICES)[number]> = {
  'claude-sonnet-4-5': 'claude-sonnet-5-5',
  'claude-sonnet-4-5-20250929': 'claude-sonnet-5-5',
  'claude-haiku-4-5': 'claude-haiku-5-5',
  'claude-haiku-4-5-20251001': 'claude-haiku-5-5',
  'claude-opus-4-1': 'claude-opus-5-5',
}

/** The model a call should use for a stored choice: retired models map to their successor. */
export function currentModel(model: string | null | undefined) {
  if (!model) return DEFAULT_MODEL
  return RETIRED_MODELS[model] ?? model
}

/** One row per workspace: the Anthropic key (sealed by the vault), model, redaction and the monthly token limit. */
export default class AssistantSettings extends BaseModel {
  static table = 'assistant_settings'
  static primaryKey = 'workspaceId'
  static forWorkspace = workspaceScope<typeof AssistantSettings>()

  @column({ isPrimary: true })
  declare workspaceId: string

  /** Vault ciphertext (secrets.seal); never serialized. */
  @column({ serializeAs: null })
  declare anthropicApiKey: string | null

  @column()
  declare anthropicKeyHint: string | null

  @column()
  declare model: string

  /** On by default: emails, phones, card numbers and the contact's name are masked before prompts. */
  @column()
  declare redactionEnabled: boolean

  /** The workspace's own cap on AI tokens per calendar month (null: only the plan's limit applies). */
  @column()
  declare monthlyTokenLimit: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
