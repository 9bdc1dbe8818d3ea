/**
 * Attachment bytes on the drive disk, sealed by the vault before they are
 * written. The vault seals strings, so the file is cut into 1 MiB chunks,
 * each base64-encoded and sealed with the contact's key; every chunk's
 * associated data names the attachment, its position and the chunk count,
 * so chunks cannot be swapped, reordered or dropped unnoticed. Disk keys
 * are made of ids only.
 */
import { extname } from 'node:path'
import drive from '@adonisjs/drive/services/main'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { secrets } from '#vault/index'
import { UserFacingError } from '#core/errors'

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
export const MAX_ATTACHMENTS_PER_MESSAGE = 5
const CHUNK_BYTES = 1024 * 1024

/** Allowed extensions and the content type files of that kind are served with. */
export const ALLOWED_ATTACHMENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
}

export interface AttachmentInput {
  filename: string
  bytes: Uint8Array
}

export function humanSize(bytes: number) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}

/** The content type for a file name, or a 422 naming the allowed kinds. */
export function contentTypeFor(filename: string) {
  const extension = extname(filename).slice(1).toLowerCase()
  const type = ALLOWED_ATTACHMENT_TYPES[extension]
  if (!type) {
    throw new UserFacingError(
      `“${filename}” is not a file type we accept. Allowed: ${Object.keys(ALLOWED_ATTACHMENT_TYPES).join(', ')}.`,
      'attachments'
    )
  }
  return type
}

/** Size and type limits: 413 for a file over 10 MB, 422 for a type outside the allow-list. */
export function assertAttachmentAcceptable(file: { filename: string; size: number }) {
  if (file.size > MAX_ATTACHMENT_BYTES) {
    throw new UserFacingError(
      `“${file.filename}” is ${humanSize(file.size)}; attachments can be at most ${humanSize(MAX_ATTACHMENT_BYTES)}.`,
      'attachments',
      { status: 413, code: 'E_ATTACHMENT_TOO_LARGE' }
    )
  }
  if (file.size === 0) throw new UserFacingError(`“${file.filename}” is empty.`, 'attachments')
  return contentTypeFor(file.filename)
}

export function assertAttachmentCount(count: number) {
  if (count > MAX_ATTACHMENTS_PER_MESSAGE) {
    throw new UserFacingError(`Attach at most ${MAX_ATTACHMENTS_PER_MESSAGE} files to one message.`, 'attachments')
  }
}

export interface SealedFileRef {
  workspaceId: string
  attachmentId: string
  contactId: string
  sizeBytes: number
}

export function storageKeyFor(workspaceId: string, attachmentId: string) {
  return `helpdesk/${workspaceId}/${attachmentId}`
}

function chunkCount(sizeBytes: number) {
  return Math.max(1, Math.ceil(sizeBytes / CHUNK_BYTES))
}

function chunkContext(ref: SealedFileRef, contactId: string, index: number) {
  return {
    scope: ref.workspaceId,
    table: 'ticket_attachments',
    column: 'content',
    rowId: `${ref.attachmentId}:${index}/${chunkCount(ref.sizeBytes)}`,
    subject: { type: 'contact', id: contactId },
  }
}

async function seal(ref: SealedFileRef, bytes: Uint8Array, client?: QueryClientContract) {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const chunks: string[] = []
  for (let index = 0; index < chunkCount(ref.sizeBytes); index++) {
    const chunk = buffer.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES)
    chunks.push(await secrets.seal(chunk.toString('base64'), chunkContext(ref, ref.contactId, index), client))
  }
  return chunks.join('\n')
}

/** Seals the bytes with the contact's key and writes them to the disk. */
export async function writeSealedFile(
  ref: SealedFileRef,
  bytes: Uint8Array,
  client?: QueryClientContract,
  key = storageKeyFor(ref.workspaceId, ref.attachmentId)
) {
  await drive.use().put(key, await seal(ref, bytes, client))
  return key
}

/** Reads and opens a sealed file; throws the vault's errors when the key is gone or the file was altered. */
export async function readSealedFile(ref: SealedFileRef, storageKey: string, client?: QueryClientContract): Promise<Buffer> {
  const sealed = await drive.use().get(storageKey)
  const envelopes = sealed.split('\n')
  if (envelopes.length !== chunkCount(ref.sizeBytes)) throw new Error(`Attachment ${ref.attachmentId} has a wrong number of chunks`)
  const parts: Buffer[] = []
  for (const [index, envelope] of envelopes.entries()) {
    parts.push(Buffer.from(await secrets.open(envelope, chunkContext(ref, ref.contactId, index), client), 'base64'))
  }
  const bytes = Buffer.concat(parts)
  if (bytes.length !== ref.sizeBytes) throw new Error(`Attachment ${ref.attachmentId} has a wrong size`)
  return bytes
}

export async function deleteSealedFile(storageKey: string) {
  await drive.use().delete(storageKey)
}
