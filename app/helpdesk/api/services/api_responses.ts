import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import string from '@adonisjs/core/helpers/string'
import { UserFacingError } from '#core/errors'

/** API refusals: JSON `{ message, code }` with a message a developer can act on. */
export function refuse(ctx: HttpContext, status: number, code: string, message: string) {
  return ctx.response.status(status).send({ message, code })
}

/**
 * VineJS errors as a 422 naming each field: `message` is the first problem,
 * `errors` lists all of them (`field` is the JSON path, e.g. `contact.email`).
 */
export function renderValidationError(ctx: HttpContext, error: unknown) {
  if (!isValidationError(error)) return false
  const problems = (error.messages as { field: string; message: string; rule: string }[]).map(({ field, message, rule }) => ({
    field,
    message,
    rule,
  }))
  ctx.response.status(422).send({ message: problems[0]?.message ?? 'The request is not valid', code: 'E_VALIDATION_ERROR', errors: problems })
  return true
}

/** By code as well as class: VineJS errors may come from another copy of the class (hot reload). */
function isValidationError(error: unknown): error is InstanceType<typeof vineErrors.E_VALIDATION_ERROR> {
  return error instanceof vineErrors.E_VALIDATION_ERROR || ((error as { code?: string })?.code === 'E_VALIDATION_ERROR' && Array.isArray((error as { messages?: unknown }).messages))
}

/** Field names of the actions (camelCase) as the API spells them. */
const API_FIELD_NAMES: Record<string, string> = { assigneeUserId: 'assignee_id', authorUserId: 'author_id' }

/** A refusal from an action ("another contact already has this email") with its status and field. */
export function renderUserFacingError(ctx: HttpContext, error: unknown) {
  if (!(error instanceof UserFacingError)) return false
  const field = error.field ? (API_FIELD_NAMES[error.field] ?? string.snakeCase(error.field)) : undefined
  ctx.response.status(error.status).send({ message: error.message, code: error.code, ...(field ? { field } : {}) })
  return true
}

/**
 * Runs a controller's work and answers its refusals the API's way: 422 with
 * the fields, or the action's own status and field. (Errors never travel
 * back up through middleware: the router hands them to the app's exception
 * handler, which only knows `{ message, code }`.)
 */
export async function apiAnswer<T>(ctx: HttpContext, work: () => Promise<T>): Promise<T | void> {
  try {
    return await work()
  } catch (error) {
    if (renderValidationError(ctx, error) || renderUserFacingError(ctx, error)) return
    throw error
  }
}
