/**
 * Cuts a document (Markdown-ish text: extractors turn HTML, PDF and DOCX
 * headings into `#` lines) into chunks that respect its structure: a chunk
 * never spans two sections, paragraphs are kept whole when they fit, and
 * each chunk carries its heading path ("Billing › Refunds") for context.
 */
export interface Chunk {
  position: number
  heading: string | null
  content: string
}

export const TARGET_CHUNK_CHARS = 1200
const MAX_CHUNKS = 2000

interface Section {
  heading: string | null
  paragraphs: string[]
}

function sections(text: string): Section[] {
  const result: Section[] = []
  const path: string[] = []
  let current: Section = { heading: null, paragraphs: [] }
  let paragraph: string[] = []
  const endParagraph = () => {
    const joined = paragraph.join('\n').trim()
    if (joined) current.paragraphs.push(joined)
    paragraph = []
  }
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = line.match(/^(#{1,6})\s+(.+?)\s*#*\s*$/)
    if (heading) {
      endParagraph()
      if (current.paragraphs.length > 0) result.push(current)
      const level = heading[1].length
      path.length = Math.min(path.length, level - 1)
      path[level - 1] = heading[2].trim()
      current = { heading: path.filter(Boolean).join(' › '), paragraphs: [] }
    } else if (line.trim() === '') {
      endParagraph()
    } else {
      paragraph.push(line)
    }
  }
  endParagraph()
  if (current.paragraphs.length > 0) result.push(current)
  return result
}

/** Splits a paragraph longer than the target at sentence ends (or, failing that, at spaces). */
function splitLong(paragraph: string, limit: number): string[] {
  if (paragraph.length <= limit) return [paragraph]
  const sentences = paragraph.match(/[^.!?]+(?:[.!?]+|$)\s*/g) ?? [paragraph]
  const parts: string[] = []
  let part = ''
  for (const sentence of sentences) {
    if (sentence.length > limit) {
      if (part) parts.push(part.trim())
      part = ''
      for (let start = 0; start < sentence.length; start += limit) parts.push(sentence.slice(start, start + limit).trim())
      continue
    }
    if ((part + sentence).length > limit && part) {
      parts.push(part.trim())
      part = ''
    }
    part += sentence
  }
  if (part.trim()) parts.push(part.trim())
  return parts.filter(Boolean)
}

export function chunkDocument(text: string, target = TARGET_CHUNK_CHARS): Chunk[] {
  const chunks: Chunk[] = []
  for (const section of sections(text)) {
    let buffer: string[] = []
    let size = 0
    const flush = () => {
      if (buffer.length) chunks.push({ position: chunks.length, heading: section.heading, content: buffer.join('\n\n') })
      buffer = []
      size = 0
    }
    for (const paragraph of section.paragraphs.flatMap((text) => splitLong(text, target))) {
      if (size + paragraph.length > target && buffer.length) flush()
      buffer.push(paragraph)
      size += paragraph.length + 2
    }
    flush()
    if (chunks.length > MAX_CHUNKS) break
  }
  return chunks.slice(0, MAX_CHUNKS)
}
