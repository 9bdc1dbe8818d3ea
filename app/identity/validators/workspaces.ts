import vine from '@vinejs/vine'
import { ROLES } from '#identity/roles'

const timezone = () =>
  vine
    .string()
    .trim()
    .maxLength(64)
    .in(Intl.supportedValuesOf('timeZone').concat('UTC'))

export const createWorkspaceValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(80),
  slug: vine
    .string()
    .trim()
    .toLowerCase()
    .maxLength(48)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .optional(),
  timezone: timezone().optional(),
})

export const updateWorkspaceValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(80),
  timezone: timezone(),
})

export const inviteMemberValidator = vine.create({
  email: vine.string().trim().maxLength(254).email(),
  role: vine.enum(ROLES),
})

export const changeRoleValidator = vine.create({
  role: vine.enum(ROLES),
})
