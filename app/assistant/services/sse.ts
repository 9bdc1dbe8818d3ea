/**
 * Server-sent events over a POST response (the browser reads it with a
 * streamed fetch): `event: <name>` / `data: <json>` pairs. Checks that can
 * refuse (no key, limits, a restricted contact) run before the stream opens,
 * so they answer a plain 4xx with `{ message }`.
 */
import { PassThrough } from 'node:stream'
import type { HttpContext } from '@adonisjs/core/http'
import logger from '@adonisjs/core/services/logger'
import { UserFacingError } from '#core/errors'

export type SendEvent = (event: string, data: unknown) => void

export function streamEvents(ctx: HttpContext, produce: (send: SendEvent) => Promise<void>) {
  const stream = new PassThrough()
  const send: SendEvent = (event, data) => {
    if (!stream.writableEnded) stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }
  ctx.response.header('Content-Type', 'text/event-stream; charset=utf-8')
  ctx.response.header('Cache-Control', 'no-cache, no-transform')
  ctx.response.header('X-Accel-Buffering', 'no')
  ctx.response.stream(stream)
  produce(send)
    .catch((error) => {
      if (!(error instanceof UserFacingError)) logger.error({ err: error }, 'assistant: streamed answer failed')
      send('error', { message: error instanceof UserFacingError ? error.message : 'The answer failed unexpectedly; the error was logged.' })
    })
    .finally(() => stream.end())
}
