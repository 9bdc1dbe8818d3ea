import vine from '@vinejs/vine'
import { API_SCOPES, TOKEN_LIFETIMES_DAYS } from '#helpdesk/api/scopes'

export const createApiTokenValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(80),
  scopes: vine.array(vine.enum(API_SCOPES)).minLength(1).distinct(),
  expiresInDays: vine.number().in([...TOKEN_LIFETIMES_DAYS]),
})
