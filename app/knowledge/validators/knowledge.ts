import vine from '@vinejs/vine'

export const createSourceValidator = vine.compile(
  vine.object({
    kind: vine.enum(['upload', 'url', 'text'] as const),
    title: vine.string().trim().maxLength(200).optional(),
    url: vine.string().trim().maxLength(2000).optional().requiredWhen('kind', '=', 'url'),
    text: vine.string().trim().maxLength(200_000).optional().requiredWhen('kind', '=', 'text'),
  })
)

export const updateSourceValidator = vine.compile(
  vine.object({
    title: vine.string().trim().minLength(1).maxLength(200).optional(),
    url: vine.string().trim().maxLength(2000).optional(),
    text: vine.string().trim().minLength(1).maxLength(200_000).optional(),
  })
)

export const knowledgeSettingsValidator = vine.compile(
  vine.object({
    embeddingProvider: vine.enum(['local', 'openai', 'voyage'] as const),
    embeddingBaseUrl: vine.string().trim().url({ require_tld: false, protocols: ['http', 'https'] }).maxLength(500).optional().nullable(),
    embeddingModel: vine.string().trim().maxLength(120).optional().nullable(),
    embeddingApiKey: vine.string().trim().maxLength(500).optional().nullable(),
    refetchHours: vine.number().withoutDecimals().min(0).max(24 * 30).optional(),
  })
)

export const searchValidator = vine.compile(vine.object({ q: vine.string().trim().minLength(1).maxLength(1000) }))
