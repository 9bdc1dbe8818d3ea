/**
 * The one embedding dimension of the platform (column `knowledge_chunks.embedding vector(256)`).
 * Remote providers are asked for vectors of this size (OpenAI `dimensions`, Voyage
 * `output_dimension`); a vector of another length is refused, never truncated.
 */
export const EMBEDDING_DIMENSION = 256

/** pgvector's text form of a vector. */
export function toVectorLiteral(vector: number[]) {
  return `[${vector.map((value) => (Number.isFinite(value) ? value.toFixed(7) : '0')).join(',')}]`
}
