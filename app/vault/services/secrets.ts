/**
 * Seal and open single values by hand, for secrets stored outside the
 * encrypted-column helper (the TOTP secret, later OAuth tokens, API keys,
 * webhook secrets). A sealed value is bound to its scope, table, column and
 * row like any encrypted column. Secrets are never sent back to the browser
 * once saved: show `secrets.lastFour(value)` instead.
 */
import { keyStore, type Subject, type VaultClient } from '#vault/services/key_store'
import { isEnvelope, keyRefOf, openField, sealField, decryptionFailure, type FieldContext } from '#vault/services/field_cipher'
import { sodiumReady } from '#vault/services/sodium'

export interface SecretContext extends FieldContext {
  /** Seal with this subject's key (shredded with the subject) instead of the scope's DEK. */
  subject?: Subject | null
}

export const secrets = {
  async seal(value: string, context: SecretContext, client?: VaultClient): Promise<string> {
    await sodiumReady()
    if (context.subject) {
      const subjectKey = await keyStore.subjectKey(context.scope, context.subject, { create: true }, client)
      return sealField(subjectKey.key, { kind: 's', version: subjectKey.version }, context, Buffer.from(value))
    }
    const dek = await keyStore.activeDataKey(context.scope, client)
    return sealField(dek.key, { kind: 'w', version: dek.version }, context, Buffer.from(value))
  },

  /** Opens a sealed value; KeyDestroyedError when shredded, DecryptionError when altered or misplaced. */
  async open(sealed: string, context: SecretContext, client?: VaultClient): Promise<string> {
    await sodiumReady()
    const ref = keyRefOf(sealed)
    if (!ref || !isEnvelope(sealed)) throw decryptionFailure(context, null, 'malformed')
    let key: Uint8Array
    if (ref.kind === 's') {
      if (!context.subject) throw decryptionFailure(context, ref, 'missing_key')
      const subjectKey = await keyStore.subjectKey(context.scope, context.subject, { create: false }, client)
      if (subjectKey.version !== ref.version) throw decryptionFailure(context, ref, 'unknown_key_version')
      key = subjectKey.key
    } else {
      key = await keyStore.dataKey(context.scope, ref.version, client)
    }
    return openField(key, context, sealed).toString('utf8')
  },

  isSealed(value: unknown): value is string {
    return isEnvelope(value)
  },

  /** What the browser may see of a secret: its last four characters. */
  lastFour(value: string | null | undefined) {
    if (!value) return ''
    return `••••${value.length > 8 ? value.slice(-4) : ''}`
  },
}
