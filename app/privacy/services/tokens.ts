import { createHash, randomBytes } from 'node:crypto'

/** Random link tokens for mails; only their SHA-256 is stored. */
export function newLinkToken() {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashLinkToken(token) }
}

export function hashLinkToken(token: string) {
  return createHash('sha256').update(String(token)).digest('hex')
}
