import { DateTime } from 'luxon'
import Invitation from '#identity/models/invitation'
import { hashToken } from '#identity/services/one_time_token'
import { GoneError } from '#core/errors'

/** The still-valid invitation behind a link token, or a 410 saying why not. */
export async function findPendingInvitation(token: unknown) {
  const invalid = 'This invitation is no longer valid. Ask the workspace admin for a new one.'
  if (typeof token !== 'string' || token.length > 100) throw new GoneError(invalid)
  const invitation = await Invitation.query().where('token_hash', hashToken(token)).preload('workspace').first()
  if (!invitation || invitation.revokedAt || invitation.acceptedAt) throw new GoneError(invalid)
  if (invitation.expiresAt <= DateTime.now()) {
    throw new GoneError('This invitation has expired. Ask the workspace admin to send a new one.')
  }
  return invitation
}
