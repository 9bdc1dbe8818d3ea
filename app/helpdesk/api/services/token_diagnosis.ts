import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { safeEqual, type Secret } from '@adonisjs/core/helpers'

/**
 * Why the guard refused a well-formed token, in words a developer can act
 * on. Expiry and revocation are only told to someone who holds the secret;
 * anyone else learns only that the token is not valid.
 */
export async function whyTokenWasRefused(tokenId: string, secret: Secret<string>) {
  const invalid = {
    code: 'E_INVALID_TOKEN',
    message: 'This API token is not valid. Check that it was copied completely, or create a new one under API tokens.',
  }
  const row = await db
    .from('api_access_tokens')
    .join('api_clients', 'api_clients.id', 'api_access_tokens.tokenable_id')
    .where('api_access_tokens.id', tokenId)
    .select('api_access_tokens.hash', 'api_access_tokens.expires_at', 'api_clients.revoked_at')
    .first()
  if (!row || !safeEqual(row.hash, createHash('sha256').update(secret.release()).digest('hex'))) return invalid
  if (row.revoked_at) {
    return { code: 'E_REVOKED_TOKEN', message: 'This API token was revoked. Ask an owner or admin of the workspace for a new one.' }
  }
  if (row.expires_at && new Date(row.expires_at) <= new Date()) {
    return {
      code: 'E_EXPIRED_TOKEN',
      message: `This API token expired on ${new Date(row.expires_at).toISOString()}. Create a new one under API tokens.`,
    }
  }
  return invalid
}
