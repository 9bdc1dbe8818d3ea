/**
 * A local fake of the Anthropic Messages API (`POST /v1/messages`), reached by
 * the real SDK through ANTHROPIC_BASE_URL. It checks the API key,
 * answers JSON or the SSE stream (message_start, content_block_start,
 * content_block_delta with text_delta, content_block_stop, message_delta with
 * usage, message_stop), and the error shapes: 401 authentication_error, 429
 * rate_limit_error, 529 overloaded_error. Every request is recorded so tests
 * can check what reached the provider. The key is read from `x-api-key` or
 * `authorization: Bearer` (what SDK 1.x sends).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { listenOnPreferredPort } from '#tests/helpers/fakes/listen'

export const VALID_KEY = 'sk-ant-test-valid-key-0001'

export interface RecordedRequest {
  headers: http.IncomingHttpHeaders
  body: {
    model: string
    max_tokens: number
    system?: string
    stream?: boolean
    messages: { role: string; content: string | { type: string; text: string }[] }[]
  }
}

export type Responder = (request: RecordedRequest) => string

/** Default answer: quotes the first sentence of passage [1] with its citation, or says there is no answer. */
export const groundedResponder: Responder = (request) => {
  const system = request.body.system ?? ''
  const first = system.match(/<source id="1"[^>]*>\n([\s\S]*?)\n<\/source>/)
  if (!first) {
    if (system.includes('<document')) return 'This document explains the topic in brief.'
    const conversation = JSON.stringify(request.body.messages)
    if (conversation.includes('<ticket>')) return 'The customer asked for help; the agent answered.'
    return 'The knowledge base has no answer to this.'
  }
  const sentence = first[1].split(/(?<=[.!?])\s/)[0].trim()
  return `According to our documentation: ${sentence} [1]`
}

function errorBody(type: string, message: string) {
  return JSON.stringify({ type: 'error', error: { type, message } })
}

export class FakeAnthropic {
  requests: RecordedRequest[] = []
  responder: Responder = groundedResponder
  /** Statuses to answer the next requests with (e.g. [429, 429]), before answering normally. */
  failures: number[] = []
  /** Delay between streamed deltas, to see streaming happen. */
  deltaDelayMs = 0
  #server?: http.Server

  constructor(public port: number) {}

  get url() {
    return `http://127.0.0.1:${this.port}`
  }

  reset() {
    this.requests = []
    this.responder = groundedResponder
    this.failures = []
    this.deltaDelayMs = 0
  }

  async start() {
    this.#server = http.createServer((req, res) => this.#handle(req, res))
    await listenOnPreferredPort(this.#server, this.port)
    // Never keeps the test process alive.
    this.#server.unref()
    this.port = (this.#server.address() as AddressInfo).port
    return this
  }

  async stop() {
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve())
  }

  async #handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    if (req.method !== 'POST' || !req.url?.startsWith('/v1/messages')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(errorBody('not_found_error', 'Not found'))
      return
    }
    const request: RecordedRequest = { headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }
    this.requests.push(request)
    // The SDK sends the key as `authorization: Bearer …` (older versions: `x-api-key`).
    const key = req.headers['x-api-key'] ?? String(req.headers.authorization ?? '').replace(/^Bearer /, '')
    if (key !== VALID_KEY) {
      res.writeHead(401, { 'content-type': 'application/json', 'request-id': 'req_fake_401' }).end(errorBody('authentication_error', 'invalid x-api-key'))
      return
    }
    const failure = this.failures.shift()
    if (failure === 429) {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' }).end(errorBody('rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit'))
      return
    }
    if (failure === 529) {
      res.writeHead(529, { 'content-type': 'application/json', 'retry-after': '0' }).end(errorBody('overloaded_error', 'Overloaded'))
      return
    }
    const text = this.responder(request)
    const inputTokens = Math.ceil((request.body.system?.length ?? 0) / 4 + JSON.stringify(request.body.messages).length / 4)
    const pieces = text.match(/\S+\s*/g) ?? [text]
    const outputTokens = pieces.length
    const id = `msg_fake_${this.requests.length}`
    if (!request.body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id, type: 'message', role: 'assistant', model: request.body.model, stop_reason: 'end_turn', stop_sequence: null,
          content: [{ type: 'text', text }],
          usage: { input_tokens: inputTokens, output_tokens: outputTokens },
        })
      )
      return
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
    const send = (event: string, data: object) => res.write(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`)
    send('message_start', {
      message: { id, type: 'message', role: 'assistant', model: request.body.model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: inputTokens, output_tokens: 1 } },
    })
    send('content_block_start', { index: 0, content_block: { type: 'text', text: '' } })
    send('ping', {})
    for (const piece of pieces) {
      send('content_block_delta', { index: 0, delta: { type: 'text_delta', text: piece } })
      if (this.deltaDelayMs) await new Promise((resolve) => setTimeout(resolve, this.deltaDelayMs))
    }
    send('content_block_stop', { index: 0 })
    send('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: outputTokens } })
    send('message_stop', {})
    res.end()
  }
}

/** Text of everything a recorded request sent (system prompt and messages). */
export function sentText(request: RecordedRequest) {
  const messages = request.body.messages.map((message) => (typeof message.content === 'string' ? message.content : message.content.map((part) => part.text).join(''))).join('\n')
  return `${request.body.system ?? ''}\n${messages}`
}
