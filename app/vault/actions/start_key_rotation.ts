import db from '@adonisjs/lucid/services/db'
import jobs from '#core/jobs'
import KeyRotation from '#vault/models/key_rotation'
import { dataKeyContext, keyStore, whereScope } from '#vault/services/key_store'
import { randomKey, sodiumReady } from '#vault/services/sodium'
import { rotationTargets } from '#vault/services/rotation_targets'
import { countStale } from '#vault/services/reencryption'
import { workspaceIdOf, type ScopeId } from '#vault/services/scope'
import { audit } from '#core/audit'

export const REENCRYPT_JOB = 'vault.reencrypt_scope_data'

/**
 * Rotates a scope's DEK: a new version becomes active for new writes at once
 * (the old one is retired, still readable), and a job re-encrypts existing
 * values in batches. An unfinished rotation is resumed instead of starting
 * another one.
 */
export default class StartKeyRotation {
  async handle(scope: ScopeId, options: { dispatch?: boolean } = {}) {
    await sodiumReady()
    const { rotation, resumed } = await db.transaction(async (trx) => {
      await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtext(?))', [`vaultdesk:vault:rotate:${scope}`])
      const unfinished = await whereScope(KeyRotation.query({ client: trx }), scope)
        .where('kind', 'dek')
        .whereNot('status', 'completed')
        .orderBy('created_at', 'desc')
        .first()
      if (unfinished) return { rotation: unfinished, resumed: true }

      const current = await keyStore.activeDataKey(scope, trx)
      const [{ latest }] = await whereScope(trx.from('vault_keys'), scope).where('purpose', 'data').max('version as latest')
      const version = Number(latest) + 1
      const key = randomKey()
      const wrapped = await keyStore.provider().wrap(key, dataKeyContext(scope, version))
      key.fill(0)
      await whereScope(trx.from('vault_keys'), scope)
        .where('purpose', 'data')
        .where('status', 'active')
        .update({ status: 'retired', retired_at: new Date() })
      await trx.insertQuery().table('vault_keys').insert({
        workspace_id: workspaceIdOf(scope),
        purpose: 'data',
        version,
        kek_version: wrapped.kekVersion,
        wrapped_key: wrapped.ciphertext,
        status: 'active',
        created_at: new Date(),
      })
      let total = 0
      for (const target of await rotationTargets(trx, scope)) total += await countStale(trx, scope, target, version)
      const created = await KeyRotation.create(
        { workspaceId: workspaceIdOf(scope), kind: 'dek', fromVersion: current.version, toVersion: version, status: 'pending', processed: 0, total, cursor: null },
        { client: trx }
      )
      return { rotation: created, resumed: false }
    })
    keyStore.forgetActiveVersion(scope)
    if (!resumed) {
      await audit({
        action: 'vault.rotation_started',
        workspaceId: rotation.workspaceId,
        targetType: 'key_rotation',
        targetId: rotation.id,
        metadata: { from_version: rotation.fromVersion, to_version: rotation.toVersion },
      })
    }
    if (options.dispatch !== false) await jobs.dispatch(REENCRYPT_JOB, { rotationId: rotation.id })
    return { rotation, resumed }
  }
}
