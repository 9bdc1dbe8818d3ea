import { createHmac } from 'node:crypto'
import env from '#start/env'

/**
 * Keyed hash (HMAC-SHA256 with APP_KEY, separated by purpose) for values that
 * must be comparable but never stored in clear: IPs, rate-limit subjects.
 */
export function keyedHash(purpose: string, ...parts: string[]) {
  return createHmac('sha256', env.get('APP_KEY').release())
    .update(`${purpose}\u0000${parts.join('\u0000')}`)
    .digest('base64url')
}
