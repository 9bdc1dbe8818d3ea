/**
 * The built-in embedder: deterministic, offline and lexical. Words and
 * character trigrams are hashed (FNV-1a) into a fixed number of dimensions
 * with a sign bit, then L2-normalised, so cosine similarity measures shared
 * vocabulary and spelling, not meaning. It keeps retrieval working with no
 * provider configured; a remote embeddings API gives semantic matches.
 */
import { EMBEDDING_DIMENSION } from '#knowledge/services/dimension'

export const LOCAL_EMBEDDING_MODEL = 'local-lexical-v1'

function fnv1a(text: string) {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

export function tokenize(text: string) {
  return text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []
}

export function localEmbedding(text: string, dimension = EMBEDDING_DIMENSION): number[] {
  const vector = new Float64Array(dimension)
  const add = (feature: string, weight: number) => {
    const hash = fnv1a(feature)
    vector[hash % dimension] += hash & 0x80000000 ? -weight : weight
  }
  for (const word of tokenize(text)) {
    add(`w:${word}`, 1)
    const padded = ` ${word} `
    for (let index = 0; index + 3 <= padded.length; index++) add(`t:${padded.slice(index, index + 3)}`, 0.5)
  }
  let norm = 0
  for (const value of vector) norm += value * value
  norm = Math.sqrt(norm)
  // An empty text gets a fixed unit vector so the column never holds a zero vector (undefined cosine).
  if (norm === 0) {
    const unit = new Array(dimension).fill(0)
    unit[0] = 1
    return unit
  }
  return Array.from(vector, (value) => value / norm)
}
