import { safeStringify } from '@poppinss/utils/json'

/**
 * Response bodies as JSON through V8's native JSON.stringify; the framework's
 * safe serializer (which walks every value in JavaScript through a replacer,
 * several times slower on a page of tickets) only for what the native one
 * refuses: circular references and bigints. Same output otherwise.
 */
export function serializeJson(payload: unknown): string | undefined {
  try {
    return JSON.stringify(payload)
  } catch {
    return safeStringify(payload)
  }
}
