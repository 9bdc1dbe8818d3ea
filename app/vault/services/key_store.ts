/**
 * Loads, creates and unwraps the keys below the KEK:
 *
 *   KEK (KeyProvider) ─ wraps ─> workspace DEKs (versioned) and blind-index key
 *   workspace DEK ─ wraps ─> subject keys (one per contact / user)
 *
 * Unwrapped keys stay in an in-memory LRU cache for five minutes. A key read
 * or created inside a transaction is cached only once that transaction
 * commits, so a rolled-back key can never encrypt anything.
 */
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import env from '#start/env'
import { KeyCache } from '#vault/services/key_cache'
import { LocalKeyringProvider, type KeyProvider } from '#vault/services/key_provider'
import { aeadDecrypt, aeadEncrypt, NONCE_BYTES, randomKey, randomNonce, sodiumReady } from '#vault/services/sodium'
import { workspaceIdOf, type ScopeId } from '#vault/services/scope'
import { DecryptionError, KeyDestroyedError } from '#vault/errors'

export type VaultClient = QueryClientContract | TransactionClientContract

export interface Subject {
  type: string
  id: string
}

export interface VersionedKey {
  version: number
  key: Uint8Array
}

interface KeyRow {
  id: string
  version: number
  kek_version: number
  wrapped_key: string | null
  status: string
}

interface SubjectKeyRow {
  id: string
  subject_id: string
  version: number
  dek_version: number
  wrapped_key: string | null
}

const DESTROYED = Symbol('destroyed')
type Cached = Uint8Array | VersionedKey | typeof DESTROYED

export const KEY_CACHE_TTL_MS = 5 * 60_000
const ACTIVE_VERSION_TTL_MS = 5_000
const MAX_CACHED_KEYS = 10_000

export function dataKeyContext(scope: ScopeId, version: number) {
  return `vaultdesk:dek:${scope}:v${version}`
}

export function indexKeyContext(scope: ScopeId, version: number) {
  return `vaultdesk:index:${scope}:v${version}`
}

export function subjectKeyContext(scope: ScopeId, subject: Subject, version: number, dekVersion: number) {
  return `vaultdesk:subject:${scope}:${subject.type}:${subject.id}:v${version}:dek${dekVersion}`
}

/** Raw-query bindings that may hold NULL (pg binds null as SQL NULL; knex's types omit it). */
export function sqlBindings(...values: (string | number | Date | null)[]) {
  return values as (string | number | Date)[]
}

/** Narrows a query to a key scope (`workspace_id`, or NULL for the platform). */
export function whereScope<Query extends { where: Function; whereNull: Function }>(query: Query, scope: ScopeId, column = 'workspace_id'): Query {
  const workspaceId = workspaceIdOf(scope)
  return workspaceId ? query.where(column, workspaceId) : query.whereNull(column)
}

export class KeyStore {
  #keys = new KeyCache<Cached>(KEY_CACHE_TTL_MS, MAX_CACHED_KEYS)
  #activeVersions = new KeyCache<number>(ACTIVE_VERSION_TTL_MS, MAX_CACHED_KEYS)
  #provider?: KeyProvider

  /** The KEK provider: the local keyring from the environment unless another was installed. */
  provider(): KeyProvider {
    this.#provider ??= LocalKeyringProvider.fromEnvironment({
      keyring: env.get('VAULT_KEYRING')?.release(),
      keyringFile: env.get('VAULT_KEYRING_FILE'),
    })
    return this.#provider
  }

  /** Installs another KEK provider (a KMS, Vault transit, or a test keyring). */
  useProvider(provider: KeyProvider | undefined) {
    this.#provider = provider
    this.clear()
  }

  clear() {
    this.#keys.clear()
    this.#activeVersions.clear()
  }

  forgetScope(scope: ScopeId) {
    this.#keys.deletePrefix(`d:${scope}:`)
    this.#keys.deletePrefix(`i:${scope}:`)
    this.#keys.deletePrefix(`s:${scope}:`)
    this.#activeVersions.deletePrefix(scope)
  }

  forgetSubject(scope: ScopeId, subject: Subject) {
    this.#keys.delete(subjectCacheId(scope, subject))
  }

  forgetActiveVersion(scope: ScopeId) {
    this.#activeVersions.deletePrefix(scope)
  }

  /** The DEK that encrypts new values of the scope; created (version 1) on first use. */
  async activeDataKey(scope: ScopeId, client: VaultClient = db.connection()): Promise<VersionedKey> {
    const cachedVersion = this.#activeVersions.get(scope)
    if (cachedVersion) {
      const cached = this.#keys.get(`d:${scope}:${cachedVersion}`)
      if (cached && cached !== DESTROYED) return { version: cachedVersion, key: cached as Uint8Array }
    }
    const row = (await this.#activeRow(scope, 'data', client)) ?? (await this.#createFirstKey(scope, 'data', client))
    const key = await this.#unwrapScopeKey(scope, 'data', row, client)
    this.#remember(client, () => this.#activeVersions.set(scope, row.version))
    return { version: row.version, key }
  }

  /** A DEK by version, to open values sealed under it. */
  async dataKey(scope: ScopeId, version: number, client: VaultClient = db.connection()): Promise<Uint8Array> {
    const cached = this.#keys.get(`d:${scope}:${version}`)
    if (cached === DESTROYED) throw new KeyDestroyedError()
    if (cached) return cached as Uint8Array
    const row: KeyRow | null = await whereScope(client.from('vault_keys'), scope)
      .where('purpose', 'data')
      .where('version', version)
      .select('id', 'version', 'kek_version', 'wrapped_key', 'status')
      .first()
    if (!row) throw new DecryptionError(`Data key version ${version} does not exist in this scope.`, 'unknown_key_version')
    return this.#unwrapScopeKey(scope, 'data', row, client)
  }

  /** The scope's blind-index key: wrapped by the KEK, not a DEK, so DEK rotation leaves indexes valid. */
  async indexKey(scope: ScopeId, client: VaultClient = db.connection()): Promise<Uint8Array> {
    const cached = this.#keys.get(`i:${scope}:1`)
    if (cached === DESTROYED) throw new KeyDestroyedError()
    if (cached) return cached as Uint8Array
    const row = (await this.#activeRow(scope, 'index', client)) ?? (await this.#createFirstKey(scope, 'index', client))
    return this.#unwrapScopeKey(scope, 'index', row, client)
  }

  /**
   * The subject's key. With `create`, a missing key is made (wrapped by the
   * active DEK); a destroyed one is never re-created: the subject was shredded.
   */
  async subjectKey(scope: ScopeId, subject: Subject, options: { create: boolean }, client: VaultClient = db.connection()): Promise<VersionedKey> {
    const cacheId = subjectCacheId(scope, subject)
    const cached = this.#keys.get(cacheId)
    if (cached === DESTROYED) throw new KeyDestroyedError()
    if (cached) return cached as VersionedKey
    let row = await this.#subjectRows(scope, subject.type, [subject.id], client).then((rows) => rows[0])
    if (!row && options.create) row = await this.#createSubjectKey(scope, subject, client)
    if (!row) throw new DecryptionError('This record’s subject key does not exist.', 'missing_key')
    return this.#unwrapSubjectKey(scope, subject, row, client)
  }

  /**
   * Subject keys of many subjects of one type at once (a page of rows).
   * Destroyed keys come back as `null`; missing ones are absent.
   */
  async subjectKeys(scope: ScopeId, type: string, ids: string[], client: VaultClient = db.connection()) {
    const found = new Map<string, VersionedKey | null>()
    const missing: string[] = []
    for (const id of new Set(ids)) {
      const cached = this.#keys.get(subjectCacheId(scope, { type, id }))
      if (cached === DESTROYED) found.set(id, null)
      else if (cached) found.set(id, cached as VersionedKey)
      else missing.push(id)
    }
    if (missing.length) {
      for (const row of await this.#subjectRows(scope, type, missing, client)) {
        try {
          found.set(row.subject_id, await this.#unwrapSubjectKey(scope, { type, id: row.subject_id }, row, client))
        } catch (error) {
          if (!(error instanceof KeyDestroyedError)) throw error
          found.set(row.subject_id, null)
        }
      }
    }
    return found
  }

  /** Wraps a subject key under a DEK (also used by rotation to rewrap). */
  wrapSubjectKey(dek: VersionedKey, scope: ScopeId, subject: Subject, key: Uint8Array, version: number) {
    const nonce = randomNonce()
    const sealed = aeadEncrypt(dek.key, nonce, Buffer.from(subjectKeyContext(scope, subject, version, dek.version)), key)
    return Buffer.concat([nonce, sealed]).toString('base64')
  }

  unwrapSubjectKeyWith(dek: VersionedKey, scope: ScopeId, subject: Subject, version: number, wrapped: string) {
    const bytes = Buffer.from(wrapped, 'base64')
    const context = Buffer.from(subjectKeyContext(scope, subject, version, dek.version))
    const key = aeadDecrypt(dek.key, bytes.subarray(0, NONCE_BYTES), context, bytes.subarray(NONCE_BYTES))
    if (!key) throw new DecryptionError('A subject key record failed its integrity check. The incident was logged.', 'integrity')
    return key
  }

  async #activeRow(scope: ScopeId, purpose: 'data' | 'index', client: VaultClient): Promise<KeyRow | null> {
    const rows: KeyRow[] = await whereScope(client.from('vault_keys'), scope)
      .where('purpose', purpose)
      .whereIn('status', ['active', 'destroyed'])
      .select('id', 'version', 'kek_version', 'wrapped_key', 'status')
      .orderBy('version', 'desc')
    if (rows.some((row) => row.status === 'destroyed')) throw new KeyDestroyedError()
    return rows.find((row) => row.status === 'active') ?? null
  }

  /** First key of a scope; concurrent creators race on the unique index and all use the winner. */
  async #createFirstKey(scope: ScopeId, purpose: 'data' | 'index', client: VaultClient): Promise<KeyRow> {
    await sodiumReady()
    const key = randomKey()
    const context = purpose === 'data' ? dataKeyContext(scope, 1) : indexKeyContext(scope, 1)
    const wrapped = await this.provider().wrap(key, context)
    key.fill(0)
    await client.rawQuery(
      `INSERT INTO vault_keys (workspace_id, purpose, version, kek_version, wrapped_key, status, created_at)
       VALUES (?, ?, 1, ?, ?, 'active', now()) ON CONFLICT DO NOTHING`,
      sqlBindings(workspaceIdOf(scope), purpose, wrapped.kekVersion, wrapped.ciphertext)
    )
    const row = await this.#activeRow(scope, purpose, client)
    if (!row) throw new Error(`vault: could not create the ${purpose} key of scope ${scope}`)
    return row
  }

  async #unwrapScopeKey(scope: ScopeId, purpose: 'data' | 'index', row: KeyRow, client: VaultClient) {
    const cacheId = `${purpose === 'data' ? 'd' : 'i'}:${scope}:${row.version}`
    if (row.status === 'destroyed' || !row.wrapped_key) {
      this.#keys.set(cacheId, DESTROYED)
      throw new KeyDestroyedError()
    }
    const context = purpose === 'data' ? dataKeyContext(scope, row.version) : indexKeyContext(scope, row.version)
    const key = await this.provider().unwrap({ kekVersion: row.kek_version, ciphertext: row.wrapped_key }, context)
    this.#remember(client, () => this.#keys.set(cacheId, key))
    return key
  }

  #subjectRows(scope: ScopeId, type: string, ids: string[], client: VaultClient): Promise<SubjectKeyRow[]> {
    return whereScope(client.from('vault_subject_keys'), scope)
      .where('subject_type', type)
      .whereIn('subject_id', ids)
      .select('id', 'subject_id', 'version', 'dek_version', 'wrapped_key')
  }

  async #createSubjectKey(scope: ScopeId, subject: Subject, client: VaultClient): Promise<SubjectKeyRow> {
    const dek = await this.activeDataKey(scope, client)
    const key = randomKey()
    const wrapped = this.wrapSubjectKey(dek, scope, subject, key, 1)
    key.fill(0)
    await client.rawQuery(
      `INSERT INTO vault_subject_keys (workspace_id, subject_type, subject_id, version, dek_version, wrapped_key, created_at)
       VALUES (?, ?, ?, 1, ?, ?, now()) ON CONFLICT DO NOTHING`,
      sqlBindings(workspaceIdOf(scope), subject.type, subject.id, dek.version, wrapped)
    )
    const [row] = await this.#subjectRows(scope, subject.type, [subject.id], client)
    return row
  }

  async #unwrapSubjectKey(scope: ScopeId, subject: Subject, row: SubjectKeyRow, client: VaultClient): Promise<VersionedKey> {
    const cacheId = subjectCacheId(scope, subject)
    if (!row.wrapped_key) {
      this.#keys.set(cacheId, DESTROYED)
      throw new KeyDestroyedError()
    }
    const dek = { version: row.dek_version, key: await this.dataKey(scope, row.dek_version, client) }
    const key = { version: row.version, key: this.unwrapSubjectKeyWith(dek, scope, subject, row.version, row.wrapped_key) }
    this.#remember(client, () => this.#keys.set(cacheId, key))
    return key
  }

  /** Caches now, or after the commit of the transaction the key was read or made in. */
  #remember(client: VaultClient, store: () => void) {
    if (client.isTransaction) (client as TransactionClientContract).after('commit', async () => store())
    else store()
  }
}

function subjectCacheId(scope: ScopeId, subject: Subject) {
  return `s:${scope}:${subject.type}:${subject.id}`
}

/** The process-wide key store. */
export const keyStore = new KeyStore()
