/**
 * Turns a source's bytes into Markdown-ish text the chunker understands:
 * Markdown and plain text as they are, HTML (and DOCX, through mammoth's
 * HTML) with headings kept as `#` lines, PDF through unpdf. Unsupported or
 * corrupt files fail with a reason an admin can act on.
 */
import { extname } from 'node:path'
import { convert } from 'html-to-text'
import { UserFacingError } from '#core/errors'

export const MAX_SOURCE_BYTES = 10 * 1024 * 1024
/** Extracted text beyond this is refused (a decompression or markup bomb ends here at the latest). */
export const MAX_TEXT_CHARS = 2_000_000
/** More elements than this is not a help article but a markup bomb. */
const MAX_HTML_TAGS = 200_000

export type DocumentKind = 'markdown' | 'text' | 'html' | 'pdf' | 'docx'

const KIND_BY_EXTENSION: Record<string, DocumentKind> = {
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  pdf: 'pdf',
  docx: 'docx',
}

export const SUPPORTED_EXTENSIONS = Object.keys(KIND_BY_EXTENSION)

export function kindOfFilename(filename: string): DocumentKind {
  const kind = KIND_BY_EXTENSION[extname(filename).slice(1).toLowerCase()]
  if (!kind) {
    throw new UserFacingError(`“${filename}” is not a supported document. Upload Markdown, plain text, HTML, PDF or DOCX.`, 'file')
  }
  return kind
}

export function kindOfContentType(contentType: string): DocumentKind | null {
  const type = contentType.split(';')[0].trim().toLowerCase()
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html'
  if (type === 'text/markdown' || type === 'text/x-markdown') return 'markdown'
  if (type === 'text/plain') return 'text'
  if (type === 'application/pdf') return 'pdf'
  if (type === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return 'docx'
  return null
}

function decodeText(bytes: Uint8Array) {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
  // A text file with NUL bytes is a binary file with the wrong name.
  if (text.includes('\u0000')) throw new UserFacingError('The file is not readable text (it looks binary or corrupt).')
  return text
}

export function htmlToMarkdownText(html: string) {
  const tags = html.match(/<[a-z]/gi)?.length ?? 0
  if (tags > MAX_HTML_TAGS) throw new UserFacingError(`The page has ${tags.toLocaleString('en')} HTML elements; at most ${MAX_HTML_TAGS.toLocaleString('en')} are read.`)
  // Headings become `#` lines the chunker sections on.
  const marked = html
    .replace(/<h([1-6])\b[^>]*>/gi, (_match, level: string) => `<p>${'#'.repeat(Number(level))} `)
    .replace(/<\/h[1-6]>/gi, '</p>')
  return convert(marked, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'nav', format: 'skip' },
      { selector: 'footer', format: 'skip' },
    ],
    limits: { maxInputLength: MAX_TEXT_CHARS * 4 },
  })
}

async function pdfText(bytes: Uint8Array) {
  const { getDocumentProxy, extractText } = await import('unpdf')
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes))
    const { text } = await extractText(pdf, { mergePages: false })
    return (text as string[]).join('\n\n')
  } catch {
    throw new UserFacingError('The PDF could not be read (it is corrupt or encrypted).')
  }
}

async function docxText(bytes: Uint8Array) {
  const mammoth = await import('mammoth')
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })
    return htmlToMarkdownText(value)
  } catch {
    throw new UserFacingError('The DOCX file could not be read (it is corrupt or not a Word document).')
  }
}

export async function extractText(kind: DocumentKind, bytes: Uint8Array): Promise<string> {
  if (bytes.byteLength > MAX_SOURCE_BYTES) {
    throw new UserFacingError(`The document is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; at most 10 MB is read.`)
  }
  let text: string
  if (kind === 'pdf') text = await pdfText(bytes)
  else if (kind === 'docx') text = await docxText(bytes)
  else if (kind === 'html') text = htmlToMarkdownText(decodeText(bytes))
  else text = decodeText(bytes)
  text = text.replace(/\u0000/g, '').trim()
  if (text.length > MAX_TEXT_CHARS) throw new UserFacingError('The document holds more than 2 million characters of text; split it into smaller documents.')
  if (!text) throw new UserFacingError('No text was found in the document.')
  return text
}
