import { keyedHash } from '#core/keyed_hash'

/**
 * Rate-limit keys are stored in PostgreSQL, so they must not carry an email
 * or IP in clear: they are keyed hashes of those values.
 */
export function rateLimitKey(scope: string, ...parts: string[]) {
  return `${scope}:${keyedHash('rate_limit', ...parts).slice(0, 32)}`
}
