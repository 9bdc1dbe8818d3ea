import vine from '@vinejs/vine'
import { MAX_WIDGET_MESSAGE_CHARS } from '#channels/services/widget_access'

export const widgetSettingsValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(80),
    color: vine.string().trim().regex(/^#[0-9a-fA-F]{6}$/),
    greeting: vine.string().trim().minLength(1).maxLength(300),
    allowedOrigins: vine.array(vine.string().trim().maxLength(255)).minLength(1).maxLength(20),
    aiEnabled: vine.boolean().optional(),
    consentPurposes: vine.array(vine.string().trim().maxLength(48)).maxLength(10).optional(),
  })
)

export const widgetMessageValidator = vine.compile(vine.object({ body: vine.string().trim().minLength(1).maxLength(MAX_WIDGET_MESSAGE_CHARS) }))

export const widgetIdentifyValidator = vine.compile(
  vine.object({
    externalId: vine.string().trim().minLength(1).maxLength(200),
    name: vine.string().trim().maxLength(120).optional().nullable(),
    email: vine.string().trim().email().maxLength(254).optional().nullable(),
    userHash: vine.string().trim().maxLength(128).optional().nullable(),
    traits: vine.object({}).allowUnknownProperties().optional().nullable(),
  })
)

export const widgetConsentValidator = vine.compile(
  vine.object({
    purpose: vine.string().trim().maxLength(48),
    decision: vine.enum(['grant', 'withdraw'] as const),
    textHash: vine.string().trim().regex(/^[0-9a-f]{64}$/),
    gpc: vine.boolean().optional(),
  })
)

export const widgetSessionValidator = vine.compile(vine.object({ gpc: vine.boolean().optional() }))
