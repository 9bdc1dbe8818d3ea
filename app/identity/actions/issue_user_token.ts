import { DateTime, type DurationLike } from 'luxon'
import UserToken, { type UserTokenPurpose } from '#identity/models/user_token'
import { generateToken, hashToken } from '#identity/services/one_time_token'
import { GoneError } from '#core/errors'
import type User from '#identity/models/user'

/** Issues a one-time token, replacing any unused one of the same purpose. */
export async function issueUserToken(user: User, purpose: UserTokenPurpose, validFor: DurationLike) {
  await UserToken.query().where('user_id', user.id).where('purpose', purpose).whereNull('used_at').delete()
  const { token, tokenHash } = generateToken()
  await UserToken.create({ userId: user.id, purpose, tokenHash, expiresAt: DateTime.now().plus(validFor) })
  return token
}

/**
 * Marks a token used and returns it; a second use, an expired or unknown
 * token gets a 410 with a message. The update is conditional so two
 * concurrent uses cannot both succeed.
 */
export async function consumeUserToken(token: unknown, purpose: UserTokenPurpose) {
  const expiredMessage =
    purpose === 'password_reset'
      ? 'This password reset link has expired or was already used. Ask for a new one.'
      : 'This confirmation link has expired or was already used. Sign in to get a new one.'
  if (typeof token !== 'string' || token.length < 20 || token.length > 100) throw new GoneError(expiredMessage)
  const record = await UserToken.query()
    .where('token_hash', hashToken(token))
    .where('purpose', purpose)
    .whereNull('used_at')
    .where('expires_at', '>', DateTime.now().toSQL()!)
    .first()
  if (!record) throw new GoneError(expiredMessage)
  const updated = await UserToken.query()
    .where('id', record.id)
    .whereNull('used_at')
    .update({ used_at: DateTime.now().toSQL() })
  if (Number(Array.isArray(updated) ? updated[0] : updated) === 0) throw new GoneError(expiredMessage)
  return record
}
