/**
 * The write side of the mixin: `beforeSave` (async) loads the row's key and
 * computes blind indexes; each encrypted column's `prepare` (sync) then
 * seals its value on the way to the database, so the model keeps the
 * plaintext in memory.
 */
import db from '@adonisjs/lucid/services/db'
import type { LucidModel, LucidRow } from '@adonisjs/lucid/types/model'
import { encryptionOptionsOf, vaultMetadataOf, type EncryptedFormat } from '#vault/orm/metadata'
import { keyStore, type VaultClient } from '#vault/services/key_store'
import { sealField, type KeyRef } from '#vault/services/field_cipher'
import { blindIndexFor } from '#vault/services/blind_index'
import { sodiumReady } from '#vault/services/sodium'
import { PLATFORM_SCOPE, type ScopeId } from '#vault/services/scope'

interface PendingSeal {
  key: Uint8Array
  ref: KeyRef
  scope: ScopeId
  rowId: string
}

const pendingSeals = new WeakMap<LucidRow, PendingSeal>()

export function modelOf(row: LucidRow) {
  return row.constructor as LucidModel
}

export function clientOf(row: LucidRow): VaultClient {
  return row.$trx ?? modelOf(row).$adapter.modelClient(row) ?? db.connection()
}

function scopeOfRow(row: LucidRow): ScopeId {
  const options = encryptionOptionsOf(modelOf(row))
  if (options.scope === 'platform') return PLATFORM_SCOPE
  const workspaceId = row.$attributes[options.workspaceAttribute]
  if (!workspaceId) throw new Error(`${modelOf(row).name}.${options.workspaceAttribute} must be set before encrypted columns are written or read`)
  return String(workspaceId)
}

function subjectIdOf(row: LucidRow): string | null {
  const subject = encryptionOptionsOf(modelOf(row)).subject
  const id = subject ? row.$attributes[subject.attribute] : null
  return id === null || id === undefined || id === '' ? null : String(id)
}

/** `prepare` of an encrypted column: seals with the key `beforeSave` loaded. */
export function sealForWrite(row: LucidRow, attribute: string, value: unknown, format: EncryptedFormat) {
  if (value === null || value === undefined) return value
  const pending = pendingSeals.get(row)
  if (!pending) {
    throw new Error(
      `${modelOf(row).name}.${attribute} is encrypted: write it with save()/create() so the vault hooks run (not saveQuietly or a query update)`
    )
  }
  const plaintext = format === 'json' ? JSON.stringify(value) : String(value)
  const Model = modelOf(row)
  const context = { scope: pending.scope, table: Model.table, column: Model.$getColumn(attribute)!.columnName, rowId: pending.rowId }
  return sealField(pending.key, pending.ref, context, Buffer.from(plaintext))
}

/** `beforeSave`: blind indexes for changed sources, and the key for changed encrypted values. */
export async function prepareSeal(row: LucidRow) {
  const Model = modelOf(row)
  const { encrypted, blindIndexes } = vaultMetadataOf(Model)
  const dirty = row.$dirty
  const client = clientOf(row)
  const subjectAttribute = encryptionOptionsOf(Model).subject?.attribute

  // A row moved to another subject is resealed entirely under the new subject's key.
  if (row.$isPersisted && subjectAttribute && subjectAttribute in dirty) {
    for (const attribute of encrypted.keys()) {
      if (row.$attributes[attribute] !== null && row.$attributes[attribute] !== undefined) row.$original[attribute] = undefined
    }
  }

  const changed = [...encrypted.keys()].some((attribute) => attribute in row.$dirty && row.$attributes[attribute] != null)
  const indexesToCompute = [...blindIndexes].filter(([, { source }]) => source in dirty)
  if (!changed && indexesToCompute.length === 0) return

  await sodiumReady()
  const scope = scopeOfRow(row)
  for (const [indexAttribute, { source, kind }] of indexesToCompute) {
    const value = row.$attributes[source]
    row.$attributes[indexAttribute] = await blindIndexFor(scope, kind, value === null || value === undefined ? null : String(value), client)
  }
  if (!changed) return

  const subjectId = subjectIdOf(row)
  const subject = encryptionOptionsOf(Model).subject
  if (subject && subjectId) {
    const key = await keyStore.subjectKey(scope, { type: subject.type, id: subjectId }, { create: true }, client)
    pendingSeals.set(row, { key: key.key, ref: { kind: 's', version: key.version }, scope, rowId: String(row.$primaryKeyValue) })
  } else {
    const key = await keyStore.activeDataKey(scope, client)
    pendingSeals.set(row, { key: key.key, ref: { kind: 'w', version: key.version }, scope, rowId: String(row.$primaryKeyValue) })
  }
}

export function forgetPendingSeal(row: LucidRow) {
  pendingSeals.delete(row)
}
