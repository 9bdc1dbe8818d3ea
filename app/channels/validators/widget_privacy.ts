import vine from '@vinejs/vine'
import { OBJECTION_PURPOSES, REQUEST_TYPES } from '#privacy/index'

/** A privacy request from the widget: the type, and optionally what it is about (nothing else is asked). */
export const widgetPrivacyRequestValidator = vine.compile(
  vine.object({
    type: vine.enum(REQUEST_TYPES),
    details: vine.string().trim().maxLength(2000).optional(),
    purposes: vine.array(vine.enum(OBJECTION_PURPOSES)).maxLength(OBJECTION_PURPOSES.length).optional(),
  })
)
