/**
 * Embeddings for chunks and queries. The built-in local embedder needs
 * nothing; a workspace may configure an HTTP embeddings API instead: an
 * OpenAI-compatible `POST /v1/embeddings` (asked for `dimensions: 256`) or
 * Voyage (`output_dimension: 256`). Vectors of another length are refused.
 */
import { UserFacingError } from '#core/errors'
import { EMBEDDING_DIMENSION } from '#knowledge/services/dimension'
import { LOCAL_EMBEDDING_MODEL, localEmbedding } from '#knowledge/services/local_embedder'
import { knowledgeSettingsOf, openEmbeddingKey } from '#knowledge/services/embedding_settings'

export interface Embedder {
  /** Stored with each source, so a model change is noticed (sources re-sync). */
  model: string
  embed(texts: string[], purpose: 'document' | 'query'): Promise<number[][]>
}

export const DEFAULT_BASE_URLS = { openai: 'https://api.openai.com', voyage: 'https://api.voyageai.com' } as const
export const DEFAULT_MODELS = { openai: 'text-embedding-3-small', voyage: 'voyage-3.5-lite' } as const
const BATCH = 64
const TIMEOUT_MS = 30_000

export const localEmbedder: Embedder = {
  model: LOCAL_EMBEDDING_MODEL,
  async embed(texts) {
    return texts.map((text) => localEmbedding(text))
  },
}

interface RemoteOptions {
  provider: 'openai' | 'voyage'
  baseUrl: string
  model: string
  apiKey: string
}

export function remoteEmbedder(options: RemoteOptions): Embedder {
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/v1/embeddings`
  async function call(input: string[], purpose: 'document' | 'query') {
    const body =
      options.provider === 'voyage'
        ? { model: options.model, input, input_type: purpose, output_dimension: EMBEDDING_DIMENSION }
        : { model: options.model, input, dimensions: EMBEDDING_DIMENSION, encoding_format: 'float' }
    let response: Response
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'authorization': `Bearer ${options.apiKey}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
    } catch {
      throw new UserFacingError('The embeddings provider did not answer (timeout or connection error).')
    }
    if (response.status === 401 || response.status === 403) throw new UserFacingError('The embeddings provider refused the API key. Check it in AI settings.')
    if (response.status === 429) throw new UserFacingError('The embeddings provider is rate-limiting this key; try again later.')
    if (!response.ok) throw new UserFacingError(`The embeddings provider answered HTTP ${response.status}.`)
    const json = (await response.json().catch(() => null)) as { data?: { embedding: number[]; index: number }[] } | null
    const data = json?.data
    if (!Array.isArray(data) || data.length !== input.length) throw new UserFacingError('The embeddings provider sent an unexpected answer.')
    const vectors = [...data].sort((a, b) => a.index - b.index).map((item) => item.embedding)
    for (const vector of vectors) {
      if (!Array.isArray(vector) || vector.length !== EMBEDDING_DIMENSION) {
        throw new UserFacingError(`The embeddings provider returned ${vector?.length ?? 0}-dimensional vectors; Vaultdesk stores ${EMBEDDING_DIMENSION}. Choose a model that supports ${EMBEDDING_DIMENSION} dimensions.`)
      }
    }
    return vectors
  }
  return {
    model: `${options.provider}:${options.model}`,
    async embed(texts, purpose) {
      const vectors: number[][] = []
      for (let start = 0; start < texts.length; start += BATCH) vectors.push(...(await call(texts.slice(start, start + BATCH), purpose)))
      return vectors
    },
  }
}

/** The embedder a workspace uses now. */
export async function embedderFor(workspaceId: string): Promise<Embedder> {
  const settings = await knowledgeSettingsOf(workspaceId)
  if (!settings || settings.embeddingProvider === 'local') return localEmbedder
  const apiKey = await openEmbeddingKey(settings)
  if (!apiKey) return localEmbedder
  const provider = settings.embeddingProvider
  return remoteEmbedder({
    provider,
    baseUrl: settings.embeddingBaseUrl || DEFAULT_BASE_URLS[provider],
    model: settings.embeddingModel || DEFAULT_MODELS[provider],
    apiKey,
  })
}
