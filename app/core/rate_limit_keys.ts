import { createHmac } from 'node:crypto'
import env from '#start/env'

/**
 * Rate-limit keys are stored in PostgreSQL, so they must not carry an email
 * or IP in clear: they are keyed hashes (HMAC with APP_KEY) of those values.
 */
export function rateLimitKey(scope: string, ...parts: string[]) {
  const digest = createHmac('sha256', env.get('APP_KEY').release())
    .update(parts.join('\u0000'))
    .digest('base64url')
    .slice(0, 32)
  return `${scope}:${digest}`
}
