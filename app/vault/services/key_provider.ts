/**
 * The key-encryption key (KEK) lives outside the database, behind a
 * KeyProvider. The vault only ever asks it to wrap or unwrap a data key, with
 * a context string bound to the key's purpose — the same two calls a cloud
 * KMS (Encrypt/Decrypt with an EncryptionContext) or Vault transit
 * (encrypt/decrypt with `context`) offer, so either can replace the local
 * keyring without touching the rest of the vault.
 */
import { readFileSync } from 'node:fs'
import { aeadDecrypt, aeadEncrypt, KEY_BYTES, NONCE_BYTES, randomNonce, sodiumReady } from '#vault/services/sodium'
import { KeyringError } from '#vault/errors'

export interface WrappedKey {
  /** Which KEK version wrapped it (a KMS key version, a transit key version, a keyring entry). */
  kekVersion: number
  /** Opaque to the vault: whatever the provider returned. */
  ciphertext: string
}

export interface KeyProvider {
  /** Shown to owners ("local keyring", "AWS KMS", "Vault transit"). */
  readonly description: string
  /** The KEK version that wraps new keys. */
  currentVersion(): Promise<number>
  /** KEK versions that can still unwrap. */
  versions(): Promise<number[]>
  wrap(key: Uint8Array, context: string): Promise<WrappedKey>
  unwrap(wrapped: WrappedKey, context: string): Promise<Uint8Array>
}

/**
 * A keyring of 32-byte keys, "version:base64key" entries separated by commas
 * or new lines (VAULT_KEYRING, or the file VAULT_KEYRING_FILE). The highest
 * version wraps; every listed version unwraps, so a new KEK can be added,
 * keys rewrapped (`node ace vault:rotate --kek`), then the old one removed.
 */
export class LocalKeyringProvider implements KeyProvider {
  readonly description = 'Local keyring (outside the database)'
  #keys: Map<number, Buffer>
  #current: number

  constructor(keyring: string, origin = 'VAULT_KEYRING') {
    this.#keys = parseKeyring(keyring, origin)
    this.#current = Math.max(...this.#keys.keys())
  }

  static fromEnvironment(values: { keyring?: string; keyringFile?: string }) {
    if (values.keyring) return new LocalKeyringProvider(values.keyring)
    if (values.keyringFile) {
      let contents: string
      try {
        contents = readFileSync(values.keyringFile, 'utf8')
      } catch (error) {
        throw new KeyringError(`The vault keyring file ${values.keyringFile} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`)
      }
      return new LocalKeyringProvider(contents, `VAULT_KEYRING_FILE (${values.keyringFile})`)
    }
    throw new KeyringError(
      'No vault keyring: set VAULT_KEYRING or VAULT_KEYRING_FILE ("1:<base64 of 32 random bytes>"). See docs/vault.md.'
    )
  }

  async currentVersion() {
    return this.#current
  }

  async versions() {
    return [...this.#keys.keys()].sort((a, b) => a - b)
  }

  async wrap(key: Uint8Array, context: string): Promise<WrappedKey> {
    await sodiumReady()
    const nonce = randomNonce()
    const sealed = aeadEncrypt(this.#keys.get(this.#current)!, nonce, Buffer.from(context), key)
    return { kekVersion: this.#current, ciphertext: Buffer.concat([nonce, sealed]).toString('base64') }
  }

  async unwrap(wrapped: WrappedKey, context: string): Promise<Uint8Array> {
    await sodiumReady()
    const kek = this.#keys.get(wrapped.kekVersion)
    if (!kek) {
      throw new KeyringError(
        `KEK version ${wrapped.kekVersion} is not in the keyring (it has ${[...this.#keys.keys()].join(', ')}). Restore that version to the keyring.`
      )
    }
    const bytes = Buffer.from(wrapped.ciphertext, 'base64')
    const key = aeadDecrypt(kek, bytes.subarray(0, NONCE_BYTES), Buffer.from(context), bytes.subarray(NONCE_BYTES))
    if (!key || key.length !== KEY_BYTES) {
      throw new KeyringError(`A wrapped key did not open with KEK version ${wrapped.kekVersion}: wrong keyring or altered key record.`)
    }
    return key
  }
}

export function parseKeyring(keyring: string, origin: string): Map<number, Buffer> {
  const keys = new Map<number, Buffer>()
  const entries = keyring
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry && !entry.startsWith('#'))
  for (const entry of entries) {
    const match = entry.match(/^(\d+):([A-Za-z0-9+/=_-]+)$/)
    if (!match) throw new KeyringError(`${origin}: each entry must look like "1:<base64 key>".`)
    const version = Number(match[1])
    const key = Buffer.from(match[2], match[2].includes('-') || match[2].includes('_') ? 'base64url' : 'base64')
    if (key.length !== KEY_BYTES) throw new KeyringError(`${origin}: key version ${version} must be ${KEY_BYTES} bytes (base64 of 32 random bytes).`)
    if (keys.has(version)) throw new KeyringError(`${origin}: key version ${version} is listed twice.`)
    keys.set(version, key)
  }
  if (keys.size === 0) throw new KeyringError(`${origin} is empty: add "1:<base64 of 32 random bytes>".`)
  return keys
}
