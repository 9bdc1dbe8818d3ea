/**
 * Field ciphertexts ("envelopes"): `vd1:<key ref>:<base64url(nonce | ciphertext+tag)>`
 * where the key ref is `w<n>` (workspace DEK version n) or `s<n>` (the row's
 * subject key, version n). The associated data binds the value to its
 * workspace, table, column, row id and key ref, so a ciphertext copied to
 * another row, column or workspace, or relabelled with another key version,
 * fails to open.
 */
import logger from '@adonisjs/core/services/logger'
import { aeadDecrypt, aeadEncrypt, NONCE_BYTES, randomNonce, TAG_BYTES } from '#vault/services/sodium'
import { DecryptionError } from '#vault/errors'
import type { ScopeId } from '#vault/services/scope'

export interface FieldContext {
  scope: ScopeId
  table: string
  column: string
  rowId: string
}

export type KeyKind = 'w' | 's'

export interface KeyRef {
  kind: KeyKind
  version: number
}

export const ENVELOPE_PREFIX = 'vd1:'
/** Smallest payload: nonce and tag around an empty plaintext. */
const MIN_PAYLOAD_CHARS = Math.ceil(((NONCE_BYTES + TAG_BYTES) * 4) / 3)
export const ENVELOPE_SQL_PATTERN = '^vd1:[ws][0-9]+:[A-Za-z0-9_-]+$'
const ENVELOPE_PATTERN = new RegExp(ENVELOPE_SQL_PATTERN)

export function isEnvelope(value: unknown): value is string {
  return typeof value === 'string' && ENVELOPE_PATTERN.test(value) && value.length >= 8 + MIN_PAYLOAD_CHARS
}

/** The key an envelope needs, read from its header without decoding it. */
export function keyRefOf(envelope: string): KeyRef | null {
  if (!envelope.startsWith(ENVELOPE_PREFIX)) return null
  const end = envelope.indexOf(':', 4)
  const kind = envelope[4]
  const version = Number(envelope.slice(5, end))
  if (end < 0 || (kind !== 'w' && kind !== 's') || !Number.isInteger(version) || version < 1) return null
  return { kind, version }
}

export function formatKeyRef(ref: KeyRef) {
  return `${ref.kind}${ref.version}`
}

export function associatedData(context: FieldContext, ref: KeyRef) {
  return Buffer.from(`vd1|${context.scope}|${context.table}|${context.column}|${context.rowId}|${formatKeyRef(ref)}`)
}

export function sealField(key: Uint8Array, ref: KeyRef, context: FieldContext, plaintext: Uint8Array): string {
  const nonce = randomNonce()
  const sealed = aeadEncrypt(key, nonce, associatedData(context, ref), plaintext)
  return `${ENVELOPE_PREFIX}${formatKeyRef(ref)}:${Buffer.concat([nonce, sealed]).toString('base64url')}`
}

/**
 * Opens an envelope with the key its header names. Any failure is a
 * DecryptionError, logged with where it happened but never the value.
 */
export function openField(key: Uint8Array, context: FieldContext, envelope: string): Buffer {
  const ref = keyRefOf(envelope)
  if (!ref) throw decryptionFailure(context, null, 'malformed')
  const plaintext = openEnvelope(key, associatedData(context, ref), envelope)
  if (!plaintext) throw decryptionFailure(context, ref, isEnvelope(envelope) ? 'integrity' : 'malformed')
  return plaintext
}

/**
 * The hot path for pages of rows: the caller built the associated data.
 * Returns null when the value does not authenticate. No format check is
 * needed beyond the header: anything altered fails the Poly1305 tag.
 */
export function openEnvelope(key: Uint8Array, associated: Uint8Array, envelope: string): Buffer | null {
  const payload = Buffer.from(envelope.slice(envelope.indexOf(':', 4) + 1), 'base64url')
  if (payload.length < NONCE_BYTES + TAG_BYTES) return null
  return aeadDecrypt(key, payload.subarray(0, NONCE_BYTES), associated, payload.subarray(NONCE_BYTES))
}

export function decryptionFailure(context: FieldContext, ref: KeyRef | null, reason: DecryptionError['reason']) {
  logger.warn(
    { vault: { scope: context.scope, table: context.table, column: context.column, rowId: context.rowId, key: ref ? formatKeyRef(ref) : null, reason } },
    'vault: a ciphertext failed to decrypt'
  )
  const messages: Record<DecryptionError['reason'], string> = {
    integrity: 'This record could not be decrypted: its integrity check failed (altered, or copied from another record). The incident was logged.',
    unknown_key_version: 'This record names an encryption key version that does not exist. The incident was logged.',
    missing_key: 'This record’s encryption key is missing. The incident was logged.',
    malformed: 'This record holds a malformed ciphertext. The incident was logged.',
  }
  return new DecryptionError(messages[reason], reason)
}
