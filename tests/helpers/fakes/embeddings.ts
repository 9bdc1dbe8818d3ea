/**
 * A local fake embeddings API speaking the OpenAI wire format
 * (`POST /v1/embeddings` → `{ data: [{ embedding, index }], model, usage }`),
 * also accepting Voyage's `output_dimension`. Vectors are deterministic
 * (the local lexical embedder), of the requested dimension; a wrong key
 * gets 401. Requests are recorded.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { listenOnPreferredPort } from '#tests/helpers/fakes/listen'
import { localEmbedding } from '#knowledge/index'

export const VALID_EMBEDDINGS_KEY = 'emb-test-valid-key-0001'

export class FakeEmbeddings {
  requests: { headers: http.IncomingHttpHeaders; body: { model: string; input: string[]; dimensions?: number; output_dimension?: number } }[] = []
  /** Answer vectors of this length regardless of what was asked (to test the dimension check). */
  forceDimension: number | null = null
  #server?: http.Server

  constructor(public port: number) {}

  get url() {
    return `http://127.0.0.1:${this.port}`
  }

  reset() {
    this.requests = []
    this.forceDimension = null
  }

  async start() {
    this.#server = http.createServer(async (req, res) => {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      if (req.method !== 'POST' || req.url !== '/v1/embeddings') return res.writeHead(404).end()
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      this.requests.push({ headers: req.headers, body })
      if (req.headers.authorization !== `Bearer ${VALID_EMBEDDINGS_KEY}`) {
        return res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } }))
      }
      const dimension = this.forceDimension ?? body.dimensions ?? body.output_dimension ?? 1536
      const input: string[] = Array.isArray(body.input) ? body.input : [body.input]
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          object: 'list',
          model: body.model,
          data: input.map((text, index) => ({ object: 'embedding', index, embedding: localEmbedding(text, dimension) })),
          usage: { prompt_tokens: input.join(' ').length, total_tokens: input.join(' ').length },
        })
      )
    })
    await listenOnPreferredPort(this.#server, this.port)
    // Never keeps the test process alive.
    this.#server.unref()
    this.port = (this.#server.address() as AddressInfo).port
    return this
  }

  async stop() {
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve())
  }
}
