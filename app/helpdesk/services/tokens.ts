import { createHash, randomBytes } from 'node:crypto'

/** A random link token; only its SHA-256 is stored, so a database dump cannot be used to rate or comment. */
export function generateLinkToken() {
  const token = randomBytes(32).toString('base64url')
  return { token, tokenHash: hashLinkToken(token) }
}

export function hashLinkToken(token: string) {
  return createHash('sha256').update(token).digest('hex')
}
