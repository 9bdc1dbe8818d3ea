import { Exception } from '@adonisjs/core/exceptions'

/**
 * The data was crypto-shredded: its key (a subject key or a workspace DEK)
 * was destroyed on purpose. Users get a 410 that says so; the ciphertext is
 * never shown, not even in part.
 */
export class KeyDestroyedError extends Exception {
  static status = 410
  static code = 'E_KEY_DESTROYED'

  constructor(message = 'This data was permanently erased: its encryption key was destroyed.') {
    super(message, { status: 410, code: 'E_KEY_DESTROYED' })
  }
}

/**
 * A ciphertext did not open: altered, copied from another row, column or
 * workspace, or naming a key version that does not exist. Logged (without the
 * value) where it happens; users get a refusal, never a partial plaintext.
 */
export class DecryptionError extends Exception {
  static status = 422
  static code = 'E_DECRYPTION_FAILED'

  constructor(
    message = 'This record could not be decrypted. It may have been altered; the incident was logged.',
    public reason: 'integrity' | 'unknown_key_version' | 'missing_key' | 'malformed' = 'integrity'
  ) {
    super(message, { status: 422, code: 'E_DECRYPTION_FAILED' })
  }
}

/** The key-encryption keyring is missing or malformed: a deployment problem, never the user's. */
export class KeyringError extends Exception {
  static status = 503
  static code = 'E_VAULT_KEYRING'

  constructor(message: string) {
    super(message, { status: 503, code: 'E_VAULT_KEYRING' })
  }
}
