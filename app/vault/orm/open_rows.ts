/**
 * The read side of the mixin: `consume` keeps each envelope as it is, and the
 * `afterFind` / `afterFetch` hooks open all values of all fetched rows at
 * once, loading each key they need once and decrypting per key in batches.
 */
import type { LucidRow } from '@adonisjs/lucid/types/model'
import { encryptionOptionsOf, vaultMetadataOf } from '#vault/orm/metadata'
import { clientOf, modelOf } from '#vault/orm/seal_rows'
import { keyStore, type VersionedKey } from '#vault/services/key_store'
import { decryptionFailure, isEnvelope, keyRefOf, type FieldContext, type KeyRef } from '#vault/services/field_cipher'
import { aeadOpenTexts, sodiumReady, type SealedText } from '#vault/services/sodium'
import { PLATFORM_SCOPE, type ScopeId } from '#vault/services/scope'
import { DecryptionError, KeyDestroyedError } from '#vault/errors'

const shreddedRows = new WeakSet<LucidRow>()

export function isShredded(row: LucidRow) {
  return shreddedRows.has(row)
}

type KeyOutcome = VersionedKey | KeyDestroyedError | DecryptionError

interface RowPlan {
  row: LucidRow
  attributes: Record<string, any>
  scope: ScopeId
  rowId: string
  subjectId: string | null
}

/**
 * Opens the encrypted values of fetched rows. A row whose key was destroyed
 * is shredded: with `onShredded: 'throw'` (single-record reads) that is a
 * KeyDestroyedError (410); with 'redact' (lists) all its encrypted values
 * become null and `row.isShredded` is true. Never a partial plaintext: a
 * row is opened entirely or not at all. Tampering always throws.
 *
 * This runs for every page of every list, so it touches each row's model
 * proxy once and builds the associated data from precomputed parts.
 */
export async function openRows(rows: LucidRow[], onShredded: 'throw' | 'redact') {
  if (rows.length === 0) return
  const Model = modelOf(rows[0])
  const { encrypted } = vaultMetadataOf(Model)
  if (encrypted.size === 0) return
  await sodiumReady()
  const client = clientOf(rows[0])
  const options = encryptionOptionsOf(Model)
  const columns = [...encrypted].map(([attribute, format]) => ({ attribute, format, column: Model.$getColumn(attribute)!.columnName }))

  // Every key the page needs, each loaded once.
  const neededDataKeys = new Map<string, { scope: ScopeId; version: number }>()
  const subjectIds = new Map<ScopeId, Set<string>>()
  const plans: RowPlan[] = []
  for (const row of rows) {
    const attributes = row.$attributes
    if (!columns.some(({ attribute }) => typeof attributes[attribute] === 'string')) continue
    const workspaceId = options.scope === 'platform' ? PLATFORM_SCOPE : attributes[options.workspaceAttribute]
    if (!workspaceId) throw new Error(`${Model.name}.${options.workspaceAttribute} must be selected to read encrypted columns`)
    const subject = options.subject ? attributes[options.subject.attribute] : null
    const plan: RowPlan = {
      row,
      attributes,
      scope: String(workspaceId),
      rowId: String(attributes[Model.primaryKey]),
      subjectId: subject === null || subject === undefined || subject === '' ? null : String(subject),
    }
    plans.push(plan)
    for (const { attribute } of columns) {
      const value = attributes[attribute]
      if (typeof value !== 'string') continue
      const ref = keyRefOf(value)
      if (ref?.kind === 'w') neededDataKeys.set(`${plan.scope}:${ref.version}`, { scope: plan.scope, version: ref.version })
      if (ref?.kind === 's' && plan.subjectId) subjectIds.set(plan.scope, (subjectIds.get(plan.scope) ?? new Set()).add(plan.subjectId))
    }
  }
  const dataKeys = new Map<string, KeyOutcome>()
  for (const [id, { scope, version }] of neededDataKeys) {
    try {
      dataKeys.set(id, { version, key: await keyStore.dataKey(scope, version, client) })
    } catch (error) {
      dataKeys.set(id, outcomeOf(error))
    }
  }
  const subjectKeys = new Map<string, VersionedKey | null>()
  for (const [scope, ids] of subjectIds) {
    for (const [id, key] of await keyStore.subjectKeys(scope, options.subject!.type, [...ids], client)) subjectKeys.set(`${scope}:${id}`, key)
  }

  // Each value goes to the batch of its key; a row with a destroyed key is shredded whole.
  const table = Model.table
  const batches = new Map<Uint8Array, { values: SealedText[]; targets: [RowPlan, number][] }>()
  const opened = new Map<RowPlan, unknown[]>()
  for (const plan of plans) {
    const contextOf = (column: string): FieldContext => ({ scope: plan.scope, table, column, rowId: plan.rowId })
    const pending: [Uint8Array, SealedText, number][] = []
    let destroyed = false
    for (let index = 0; index < columns.length; index++) {
      const envelope = plan.attributes[columns[index].attribute]
      if (typeof envelope !== 'string') continue
      const ref = keyRefOf(envelope)
      if (!ref) throw decryptionFailure(contextOf(columns[index].column), null, 'malformed')
      let key: Uint8Array
      if (ref.kind === 'w') {
        const outcome = dataKeys.get(`${plan.scope}:${ref.version}`)!
        if (outcome instanceof KeyDestroyedError) {
          destroyed = true
          break
        }
        if (outcome instanceof DecryptionError) throw decryptionFailure(contextOf(columns[index].column), ref, outcome.reason)
        key = outcome.key
      } else {
        const subjectKey = plan.subjectId ? subjectKeys.get(`${plan.scope}:${plan.subjectId}`) : undefined
        if (subjectKey === null) {
          destroyed = true
          break
        }
        if (!subjectKey) throw decryptionFailure(contextOf(columns[index].column), ref, 'missing_key')
        if (subjectKey.version !== ref.version) throw decryptionFailure(contextOf(columns[index].column), ref, 'unknown_key_version')
        key = subjectKey.key
      }
      pending.push([
        key,
        {
          associatedData: `vd1|${plan.scope}|${table}|${columns[index].column}|${plan.rowId}|${ref.kind}${ref.version}`,
          payload: envelope.slice(envelope.indexOf(':', 4) + 1),
        },
        index,
      ])
    }
    if (destroyed) {
      if (onShredded === 'throw') throw new KeyDestroyedError()
      shreddedRows.add(plan.row)
      const original = plan.row.$original
      for (const { attribute } of columns) plan.attributes[attribute] = original[attribute] = null
      continue
    }
    opened.set(plan, new Array(columns.length))
    for (const [key, value, index] of pending) {
      let batch = batches.get(key)
      if (!batch) batches.set(key, (batch = { values: [], targets: [] }))
      batch.values.push(value)
      batch.targets.push([plan, index])
    }
  }

  for (const [key, batch] of batches) {
    const texts = aeadOpenTexts(key, batch.values)
    for (let position = 0; position < texts.length; position++) {
      const [plan, index] = batch.targets[position]
      const { column, format, attribute } = columns[index]
      const text = texts[position]
      if (text === null) {
        const envelope = plan.attributes[attribute] as string
        const context = { scope: plan.scope, table, column, rowId: plan.rowId }
        throw decryptionFailure(context, keyRefOf(envelope), isEnvelope(envelope) ? 'integrity' : 'malformed')
      }
      opened.get(plan)![index] = format === 'json' ? parseJson(text, { scope: plan.scope, table, column, rowId: plan.rowId }, keyRefOf(plan.attributes[attribute])!) : text
    }
  }

  // Only now, with every value of every row opened, do the models change.
  for (const [plan, values] of opened) {
    const original = plan.row.$original
    for (let index = 0; index < columns.length; index++) {
      const { attribute, format } = columns[index]
      if (typeof plan.attributes[attribute] !== 'string') continue
      const value = values[index]
      plan.attributes[attribute] = value
      original[attribute] = format === 'json' && value !== null && typeof value === 'object' ? structuredClone(value) : value
    }
  }
}

function outcomeOf(error: unknown): KeyOutcome {
  if (error instanceof KeyDestroyedError || error instanceof DecryptionError) return error
  throw error
}

function parseJson(plaintext: string, context: FieldContext, ref: KeyRef) {
  try {
    return JSON.parse(plaintext)
  } catch {
    throw decryptionFailure(context, ref, 'malformed')
  }
}
