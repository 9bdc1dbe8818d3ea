import { DateTime } from 'luxon'
import KeyRotation from '#vault/models/key_rotation'
import VaultKey from '#vault/models/vault_key'
import { dataKeyContext, indexKeyContext, keyStore } from '#vault/services/key_store'
import { scopeOf } from '#vault/services/scope'

/**
 * KEK rotation: after a new KEK version is added to the keyring (or the KMS
 * key rotated), rewraps every DEK and blind-index key under it. Data and
 * subject keys do not change, so no value is re-encrypted. Idempotent: keys
 * already under the current KEK are skipped.
 */
export default class RewrapDataKeys {
  async handle(onProgress?: (rotation: KeyRotation) => void) {
    const provider = keyStore.provider()
    const current = await provider.currentVersion()
    const keys = await VaultKey.query().whereNotNull('wrapped_key').whereNot('kek_version', current).orderBy('id')
    const rotation = await KeyRotation.create({
      workspaceId: null,
      kind: 'kek',
      fromVersion: keys.length ? Math.min(...keys.map((key) => key.kekVersion)) : current,
      toVersion: current,
      status: 'running',
      processed: 0,
      total: keys.length,
      cursor: null,
      startedAt: DateTime.now(),
    })
    try {
      for (const key of keys) {
        const scope = scopeOf(key.workspaceId)
        const context = key.purpose === 'data' ? dataKeyContext(scope, key.version) : indexKeyContext(scope, key.version)
        const plain = await provider.unwrap({ kekVersion: key.kekVersion, ciphertext: key.wrappedKey! }, context)
        const wrapped = await provider.wrap(plain, context)
        plain.fill(0)
        await VaultKey.query()
          .where('id', key.id)
          .where('kek_version', key.kekVersion)
          .update({ wrapped_key: wrapped.ciphertext, kek_version: wrapped.kekVersion })
        rotation.processed++
        if (rotation.processed % 100 === 0) {
          await rotation.save()
          onProgress?.(rotation)
        }
      }
      rotation.status = 'completed'
      rotation.finishedAt = DateTime.now()
    } catch (error) {
      rotation.status = 'failed'
      rotation.error = (error instanceof Error ? error.message : String(error)).slice(0, 500)
      throw error
    } finally {
      await rotation.save()
      keyStore.clear()
    }
    onProgress?.(rotation)
    return rotation
  }
}
