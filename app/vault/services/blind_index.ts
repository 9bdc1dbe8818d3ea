/**
 * Blind indexes: a keyed hash of a normalised value, for equality lookups on
 * encrypted columns (email, phone, external ids) without decrypting.
 *
 *   subkey(kind) = crypto_kdf(index key of the workspace, kind)
 *   index        = BLAKE2b-128(normalised value, key = subkey)
 *
 * The index key is separate from the DEKs and wrapped by the KEK directly, so
 * DEK rotation leaves every index valid (nothing to recompute); KEK rotation
 * only rewraps it. Equal values in two workspaces hash differently.
 */
import { deriveSubkey, keyedHash, sodiumReady } from '#vault/services/sodium'
import { keyStore, type VaultClient } from '#vault/services/key_store'
import type { ScopeId } from '#vault/services/scope'
import { KeyCache } from '#vault/services/key_cache'
import { KEY_CACHE_TTL_MS } from '#vault/services/key_store'

export type BlindIndexKind = 'email' | 'phone' | 'external_id'

const SUBKEY_IDS: Record<BlindIndexKind, number> = { email: 1, phone: 2, external_id: 3 }
const KDF_CONTEXT = 'vdblindx'

/**
 * Emails: Unicode NFKC, trimmed, lower case. Phones: digits only, so
 * "+49 30 1234-56" and "+49 (30) 123456" match (callers keep one convention
 * for the country prefix, E.164). External ids: NFKC, spaces removed, case
 * kept (most external ids are case-sensitive).
 */
export function normalizeForBlindIndex(kind: BlindIndexKind, value: string): string {
  switch (kind) {
    case 'email':
      return value.normalize('NFKC').trim().toLowerCase()
    case 'phone':
      return value.replace(/\D+/g, '')
    case 'external_id':
      return value.normalize('NFKC').replace(/\s+/g, '')
  }
}

const subkeys = new KeyCache<Uint8Array>(KEY_CACHE_TTL_MS, 10_000)

/** Drops cached blind-index subkeys (after a destruction or in tests). */
export function forgetBlindIndexKeys(scope?: ScopeId) {
  if (scope) subkeys.deletePrefix(`${scope}:`)
  else subkeys.clear()
}

/** The blind index of a value in a workspace (null for an empty value after normalisation). */
export async function blindIndexFor(scope: ScopeId, kind: BlindIndexKind, value: string | null | undefined, client?: VaultClient) {
  if (value === null || value === undefined) return null
  const normalized = normalizeForBlindIndex(kind, value)
  if (!normalized) return null
  let subkey = subkeys.get(`${scope}:${kind}`)
  if (!subkey) {
    await sodiumReady()
    subkey = deriveSubkey(await keyStore.indexKey(scope, client), SUBKEY_IDS[kind], KDF_CONTEXT)
    if (!client?.isTransaction) subkeys.set(`${scope}:${kind}`, subkey)
  }
  return Buffer.from(keyedHash(subkey, normalized, 16)).toString('base64url')
}
