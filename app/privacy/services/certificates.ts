/**
 * Erasure certificates, signed with the platform's Ed25519 key (libsodium
 * crypto_sign_detached). The secret half is sealed by the vault (platform
 * scope); the public half travels in every certificate and is published at
 * /.well-known/vaultdesk-erasure-key. A certificate names the request, the
 * timestamps, categories and row counts, and the destroyed key ids: never
 * content or identifiers of the person.
 */
import { randomUUID } from 'node:crypto'
import sodium from 'libsodium-wrappers'
import db from '@adonisjs/lucid/services/db'
import { PLATFORM_SCOPE, secrets } from '#vault/index'

export interface CertificatePayload {
  certificate: 'vaultdesk-erasure-certificate/v1'
  requestId: string
  workspaceId: string | null
  regime: string
  receivedAt: string
  verifiedAt: string | null
  completedAt: string
  erased: { module: string; table: string; category: string; action: string; rows: number }[]
  retained: { module: string; table: string; category: string; rows: number; legalBasis: string }[]
  destroyedKeys: string[]
  residueCheck: { searchedColumns: number; findings: number; vaultScanFindings: number }
}

export interface CertificateDocument {
  algorithm: 'Ed25519'
  payload: CertificatePayload
  signature: string
  publicKey: string
}

const SECRET_CONTEXT = (rowId: string) => ({ scope: PLATFORM_SCOPE, table: 'privacy_signing_keys', column: 'secret_key', rowId })

/** JSON with keys in a fixed order, so the signed bytes do not depend on key insertion order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

async function signingKey() {
  await sodium.ready
  const existing = await db.from('privacy_signing_keys').orderBy('created_at').first()
  if (existing) {
    const secret = await secrets.open(existing.secret_key, SECRET_CONTEXT(existing.id))
    return { publicKey: existing.public_key as string, secretKey: sodium.from_base64(secret, sodium.base64_variants.ORIGINAL) }
  }
  const pair = sodium.crypto_sign_keypair()
  const id = randomUUID()
  const publicKey = sodium.to_base64(pair.publicKey, sodium.base64_variants.ORIGINAL)
  const sealed = await secrets.seal(sodium.to_base64(pair.privateKey, sodium.base64_variants.ORIGINAL), SECRET_CONTEXT(id))
  await db.table('privacy_signing_keys').insert({ id, public_key: publicKey, secret_key: sealed, created_at: new Date() })
  return { publicKey, secretKey: pair.privateKey }
}

/** The platform's public verification key (created on first use). */
export async function platformPublicKey() {
  return (await signingKey()).publicKey
}

export async function signCertificate(payload: CertificatePayload): Promise<CertificateDocument> {
  const { publicKey, secretKey } = await signingKey()
  const signature = sodium.crypto_sign_detached(Buffer.from(canonicalJson(payload)), secretKey)
  return { algorithm: 'Ed25519', payload, signature: sodium.to_base64(signature, sodium.base64_variants.ORIGINAL), publicKey }
}

/** Checks the signature against the public key in the document (and, when given, that the key is the platform's). */
export async function verifyCertificate(document: unknown, trustedKeys?: string[]): Promise<{ valid: boolean; reason?: string }> {
  await sodium.ready
  const doc = document as Partial<CertificateDocument> | null
  if (!doc || typeof doc !== 'object' || doc.algorithm !== 'Ed25519' || !doc.payload || typeof doc.signature !== 'string' || typeof doc.publicKey !== 'string') {
    return { valid: false, reason: 'not an erasure certificate (expected algorithm, payload, signature and publicKey)' }
  }
  if (trustedKeys && !trustedKeys.includes(doc.publicKey)) return { valid: false, reason: 'signed with a key that is not this platform’s' }
  try {
    const ok = sodium.crypto_sign_verify_detached(
      sodium.from_base64(doc.signature, sodium.base64_variants.ORIGINAL),
      Buffer.from(canonicalJson(doc.payload)),
      sodium.from_base64(doc.publicKey, sodium.base64_variants.ORIGINAL)
    )
    return ok ? { valid: true } : { valid: false, reason: 'the signature does not match the contents (altered certificate)' }
  } catch {
    return { valid: false, reason: 'malformed signature or public key' }
  }
}

export async function trustedPublicKeys() {
  const rows = await db.from('privacy_signing_keys').select('public_key')
  return rows.map((row: { public_key: string }) => row.public_key)
}
