/**
 * The Anthropic client (official SDK) for one workspace's key, and the
 * translation of provider failures into messages an admin or agent can act on.
 * The base URL comes from ANTHROPIC_BASE_URL (default: the real API), so tests
 * reach a local fake that speaks the Messages API.
 */
import Anthropic from '@anthropic-ai/sdk'
import env from '#start/env'
import { UserFacingError } from '#core/errors'

export const SUBPROCESSOR = 'Anthropic'

export function anthropicClient(apiKey: string) {
  return new Anthropic({
    apiKey,
    baseURL: env.get('ANTHROPIC_BASE_URL') || 'https://api.anthropic.com',
    timeout: env.get('AI_TIMEOUT_MS') ?? 60_000,
    maxRetries: env.get('AI_MAX_RETRIES') ?? 2,
  })
}

/** The provider failure as an outcome label for the request log and a message for people. */
export function describeProviderError(error: unknown): { outcome: string; error: UserFacingError } {
  if (error instanceof Anthropic.APIConnectionTimeoutError) {
    return { outcome: 'timeout', error: new UserFacingError('The AI provider did not answer in time. Try again in a moment.', undefined, { status: 504, code: 'E_AI_TIMEOUT' }) }
  }
  if (error instanceof Anthropic.APIConnectionError) {
    return { outcome: 'connection_error', error: new UserFacingError('The AI provider could not be reached. Try again in a moment.', undefined, { status: 502, code: 'E_AI_UNREACHABLE' }) }
  }
  if (error instanceof Anthropic.APIError) {
    if (error.status === 401 || error.status === 403) {
      return {
        outcome: 'auth_error',
        error: new UserFacingError('The Anthropic API key was refused. An admin can enter a valid key in AI settings.', undefined, { status: 424, code: 'E_AI_KEY_INVALID' }),
      }
    }
    if (error.status === 429) {
      return {
        outcome: 'rate_limited',
        error: new UserFacingError('The Anthropic account is out of quota or rate-limited. Try again later, or raise the limits of the key.', undefined, { status: 429, code: 'E_AI_RATE_LIMITED' }),
      }
    }
    if (error.status === 529 || error.status === 503) {
      return { outcome: 'overloaded', error: new UserFacingError('The AI provider is overloaded right now. Try again in a minute.', undefined, { status: 503, code: 'E_AI_OVERLOADED' }) }
    }
    if (error.status === 400) {
      return { outcome: 'bad_request', error: new UserFacingError('The AI provider refused the request (check the model name in AI settings).', undefined, { status: 424, code: 'E_AI_REFUSED' }) }
    }
  }
  return { outcome: 'error', error: new UserFacingError('The AI provider failed. Try again in a moment.', undefined, { status: 502, code: 'E_AI_FAILED' }) }
}
