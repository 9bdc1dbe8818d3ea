import vine from '@vinejs/vine'
import { OBJECTION_PURPOSES, REGIMES, REQUEST_TYPES } from '#privacy/services/request_types'

/** The public intake form: no more than needed (type, email, regime, optional message). */
export const intakeValidator = vine.create({
  type: vine.enum(REQUEST_TYPES),
  email: vine.string().trim().email().maxLength(254),
  regime: vine.enum(REGIMES).optional(),
  message: vine.string().trim().maxLength(2000).optional(),
  purposes: vine.array(vine.enum(OBJECTION_PURPOSES)).maxLength(OBJECTION_PURPOSES.length).optional(),
})

/** A signed-in workspace user asking the platform about themselves (their account email is used). */
export const accountRequestValidator = vine.create({
  type: vine.enum(REQUEST_TYPES),
  regime: vine.enum(REGIMES).optional(),
  message: vine.string().trim().maxLength(2000).optional(),
  purposes: vine.array(vine.enum(OBJECTION_PURPOSES)).maxLength(OBJECTION_PURPOSES.length).optional(),
})

export const reasonValidator = vine.create({
  reason: vine.string().trim().minLength(3).maxLength(1000),
})

export const noteValidator = vine.create({
  note: vine.string().trim().minLength(1).maxLength(4000),
})

export const staffVerifyValidator = vine.create({
  note: vine.string().trim().minLength(3).maxLength(1000),
})

export const assignValidator = vine.create({
  assigneeUserId: vine.string().uuid().nullable(),
})

export const fulfilValidator = vine.create({
  corrections: vine
    .object({
      name: vine.string().trim().maxLength(200).optional(),
      email: vine.string().trim().email().maxLength(254).optional(),
      phone: vine.string().trim().maxLength(40).optional(),
    })
    .optional(),
  purposes: vine.array(vine.enum(OBJECTION_PURPOSES)).optional(),
})

export const settingsValidator = vine.create({
  targetDays: vine.number().withoutDecimals().min(1).max(90),
  defaultRegime: vine.enum(REGIMES),
})

export const queueFiltersValidator = vine.create({
  status: vine.enum(['open', 'overdue', 'completed', 'rejected', 'all'] as const).optional(),
  page: vine.number().min(1).max(100000).optional(),
})

/** Another identifier the subject is known by (staff, on an open request). */
export const identifierValidator = vine.create({
  kind: vine.enum(['phone', 'external_id'] as const),
  value: vine.string().trim().minLength(3).maxLength(200),
})
