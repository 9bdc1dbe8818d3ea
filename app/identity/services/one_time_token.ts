import { createHash, randomBytes } from 'node:crypto'

/**
 * High-entropy random tokens for links sent by email. Only the SHA-256 of a
 * token is stored, so a database dump cannot be used to take over accounts.
 */
export function generateToken() {
  const token = randomBytes(32).toString('base64url')
  return { token, tokenHash: hashToken(token) }
}

export function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex')
}
