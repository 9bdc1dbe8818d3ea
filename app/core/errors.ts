import { Exception } from '@adonisjs/core/exceptions'

/**
 * A refusal a person can act on ("you cannot remove the last owner").
 * Rendered as a flash message on pages and as `{ message }` JSON for APIs,
 * optionally tied to a form field.
 */
export class UserFacingError extends Exception {
  static status = 422
  static code = 'E_USER_FACING'

  constructor(
    message: string,
    public field?: string,
    options: { status?: number; code?: string } = {}
  ) {
    super(message, { status: options.status ?? 422, code: options.code ?? 'E_USER_FACING' })
  }
}

/** A link or token that was valid once but is no longer (used, expired, revoked). */
export class GoneError extends UserFacingError {
  constructor(message: string) {
    super(message, undefined, { status: 410, code: 'E_GONE' })
  }
}
