import vine from '@vinejs/vine'

export const MAX_ARTICLE_CHARS = 100_000
export const MAX_CONTACT_MESSAGE_CHARS = 5_000

export const helpCategoryValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(120),
    description: vine.string().trim().maxLength(500).optional().nullable(),
    position: vine.number().withoutDecimals().min(0).max(10_000).optional().nullable(),
  })
)

export const helpArticleValidator = vine.compile(
  vine.object({
    title: vine.string().trim().minLength(1).maxLength(200),
    body: vine.string().maxLength(MAX_ARTICLE_CHARS).optional(),
    categoryId: vine.string().trim().optional().nullable(),
  })
)

export const helpFeedbackValidator = vine.compile(vine.object({ helpful: vine.boolean() }))

export const helpContactValidator = vine.compile(
  vine.object({
    name: vine.string().trim().maxLength(120).optional().nullable(),
    email: vine.string().trim().email().maxLength(254),
    subject: vine.string().trim().maxLength(200).optional().nullable(),
    message: vine.string().trim().minLength(1).maxLength(MAX_CONTACT_MESSAGE_CHARS),
  })
)

export const helpCenterDomainValidator = vine.compile(vine.object({ domain: vine.string().trim().minLength(1).maxLength(253) }))
