import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import logger from '@adonisjs/core/services/logger'
import KeyRotation from '#vault/models/key_rotation'
import { keyStore } from '#vault/services/key_store'
import { sodiumReady } from '#vault/services/sodium'
import { rotationTargets } from '#vault/services/rotation_targets'
import { countStale, reencryptBatch } from '#vault/services/reencryption'
import { scopeOf } from '#vault/services/scope'

export interface ReencryptOptions {
  batchSize?: number
  /** Stop after this many batches (the CLI's progress steps; tests simulate a crash with it). */
  maxBatches?: number
  onProgress?: (rotation: KeyRotation) => void
}

/** How many times the end of a rotation re-checks for values written under the old key meanwhile. */
const MAX_SWEEPS = 3

/**
 * The re-encryption work of one DEK rotation, in batches. Each batch and its
 * progress (count and cursor) commit together, so a worker killed at any
 * point resumes exactly where the last batch ended, without skipping or
 * counting a row twice. The rotation row is locked per batch, so two workers
 * on the same rotation take turns instead of racing.
 */
export default class ReencryptScopeData {
  async handle(rotationId: string, options: ReencryptOptions = {}): Promise<KeyRotation> {
    await sodiumReady()
    const batchSize = options.batchSize ?? 500
    let batches = 0
    while (true) {
      let outcome: { rotation: KeyRotation; finished: boolean }
      try {
        outcome = await db.transaction((trx) => this.#batch(trx, rotationId, batchSize))
      } catch (error) {
        await this.#markFailed(rotationId, error)
        throw error
      }
      batches++
      options.onProgress?.(outcome.rotation)
      if (outcome.finished) return outcome.rotation
      if (options.maxBatches !== undefined && batches >= options.maxBatches) return outcome.rotation
    }
  }

  async #batch(trx: TransactionClientContract, rotationId: string, batchSize: number) {
    const rotation = await KeyRotation.query({ client: trx }).where('id', rotationId).forUpdate().firstOrFail()
    if (rotation.status === 'completed') return { rotation, finished: true }
    const scope = scopeOf(rotation.workspaceId)
    const targets = await rotationTargets(trx, scope)
    const cursor = rotation.cursor ?? { target: targets[0].name, afterId: null, sweep: 0 }
    let index = Math.max(0, targets.findIndex((target) => target.name === cursor.target))
    let afterId = cursor.afterId
    const newKey = { version: rotation.toVersion, key: await keyStore.dataKey(scope, rotation.toVersion, trx) }

    // One batch of one target; targets with nothing left are passed over in the same batch.
    let batch = await reencryptBatch(trx, scope, targets[index], newKey, afterId, batchSize)
    while (batch.processed === 0 && index + 1 < targets.length) {
      index++
      afterId = null
      batch = await reencryptBatch(trx, scope, targets[index], newKey, afterId, batchSize)
    }
    rotation.processed += batch.processed
    rotation.status = 'running'
    rotation.error = null
    rotation.startedAt ??= DateTime.now()

    let finished = false
    if (batch.processed === batchSize) {
      rotation.cursor = { ...cursor, target: targets[index].name, afterId: batch.lastId }
    } else if (index + 1 < targets.length) {
      rotation.cursor = { ...cursor, target: targets[index + 1].name, afterId: null }
    } else {
      // End of the last target: values written under the old key during the run get another pass.
      let remaining = 0
      for (const target of targets) remaining += await countStale(trx, scope, target, rotation.toVersion)
      const sweep = (cursor.sweep ?? 0) + 1
      if (remaining > 0 && sweep <= MAX_SWEEPS) {
        rotation.total += remaining
        rotation.cursor = { target: targets[0].name, afterId: null, sweep }
      } else {
        finished = true
        rotation.status = 'completed'
        rotation.finishedAt = DateTime.now()
        rotation.cursor = null
        if (remaining > 0) logger.warn({ rotationId, remaining }, 'vault: rotation completed with values still under an old key')
      }
    }
    await rotation.useTransaction(trx).save()
    return { rotation, finished }
  }

  async #markFailed(rotationId: string, error: unknown) {
    const message = error instanceof Error ? error.message : String(error)
    logger.error({ rotationId, err: message }, 'vault: key rotation batch failed')
    await KeyRotation.query().where('id', rotationId).update({ status: 'failed', error: message.slice(0, 500), updated_at: new Date() })
  }
}
