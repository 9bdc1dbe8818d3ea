import vine from '@vinejs/vine'
import { MODEL_CHOICES } from '#assistant/models/assistant_settings'

export const assistantSettingsValidator = vine.compile(
  vine.object({
    anthropicApiKey: vine.string().trim().minLength(8).maxLength(300).optional().nullable(),
    removeKey: vine.boolean().optional(),
    model: vine.string().trim().in([...MODEL_CHOICES]).optional().nullable(),
    redactionEnabled: vine.boolean(),
    monthlyTokenLimit: vine.number().withoutDecimals().min(1000).max(1_000_000_000).optional().nullable(),
    embeddingProvider: vine.enum(['local', 'openai', 'voyage'] as const),
    embeddingBaseUrl: vine.string().trim().url({ require_tld: false, protocols: ['http', 'https'] }).maxLength(500).optional().nullable(),
    embeddingModel: vine.string().trim().maxLength(120).optional().nullable(),
    embeddingApiKey: vine.string().trim().minLength(8).maxLength(500).optional().nullable(),
    refetchHours: vine.number().withoutDecimals().min(0).max(720).optional(),
  })
)

export const askValidator = vine.compile(
  vine.object({
    question: vine.string().trim().minLength(2).maxLength(2000),
    threadId: vine.string().uuid().optional().nullable(),
  })
)
