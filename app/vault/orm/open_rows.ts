/**
 * The read side of the mixin: `consume` keeps each envelope as it is, and the
 * `afterFind` / `afterFetch` hooks open all values of all fetched rows at
 * once, loading each key they need once and decrypting per key in batches.
 */
import type { LucidModel, LucidRow } from '@adonisjs/lucid/types/model'
import { encryptionOptionsOf, vaultMetadataOf, type EncryptedFormat } from '#vault/orm/metadata'
import { clientOf, modelOf } from '#vault/orm/seal_rows'
import { keyStore, type VaultClient, type VersionedKey } from '#vault/services/key_store'
import { decryptionFailure, isEnvelope, keyRefOf, type FieldContext, type KeyRef } from '#vault/services/field_cipher'
import { aeadOpenTexts, sodiumReady, type SealedText } from '#vault/services/sodium'
import { PLATFORM_SCOPE, type ScopeId } from '#vault/services/scope'
import { DecryptionError, KeyDestroyedError } from '#vault/errors'

const shreddedRows = new WeakSet<LucidRow>()

export function isShredded(row: LucidRow) {
  return shreddedRows.has(row)
}

type KeyOutcome = VersionedKey | KeyDestroyedError | DecryptionError

interface RecordPlan {
  record: Record<string, any>
  scope: ScopeId
  rowId: string
  subjectId: string | null
}

/** Where a record keeps each value the opener needs: attribute names for models, column names for raw rows. */
interface RecordLayout {
  table: string
  columns: { key: string; column: string; format: EncryptedFormat }[]
  workspaceKey: string | null
  primaryKey: string
  subject: { type: string; key: string } | null
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
  const layout = layoutOf(Model, 'attribute')
  if (!layout) return
  const records = rows.map((row) => row.$attributes)
  const { opened, shredded } = await openRecords(records, layout, clientOf(rows[0]), onShredded)
  for (const index of shredded) shreddedRows.add(rows[index])
  // $original follows, so opened values do not count as changes.
  for (const index of [...opened, ...shredded]) {
    const attributes = records[index]
    const original = rows[index].$original
    for (const { key, format } of layout.columns) {
      const value = attributes[key]
      original[key] = format === 'json' && value !== null && typeof value === 'object' ? structuredClone(value) : value
    }
  }
}

/**
 * The same for rows read without models (raw SQL of a hot list), keyed by
 * column name: `Model` says which table and key the values were sealed for.
 * Values are replaced in place; returns whether each row was shredded
 * (its values are then null).
 */
export async function openRawRows(Model: LucidModel, rows: Record<string, any>[], client: VaultClient): Promise<boolean[]> {
  const layout = layoutOf(Model, 'column')
  if (!layout || rows.length === 0) return rows.map(() => false)
  const { shredded } = await openRecords(rows, layout, client, 'redact')
  return rows.map((_, index) => shredded.has(index))
}

function layoutOf(Model: LucidModel, keyedBy: 'attribute' | 'column'): RecordLayout | null {
  const { encrypted } = vaultMetadataOf(Model)
  if (encrypted.size === 0) return null
  Model.boot()
  const options = encryptionOptionsOf(Model)
  const keyOf = (attribute: string) => (keyedBy === 'attribute' ? attribute : (Model.$getColumn(attribute)?.columnName ?? attribute))
  return {
    table: Model.table,
    columns: [...encrypted].map(([attribute, format]) => ({ key: keyOf(attribute), column: Model.$getColumn(attribute)!.columnName, format })),
    workspaceKey: options.scope === 'platform' ? null : keyOf(options.workspaceAttribute),
    primaryKey: keyOf(Model.primaryKey),
    subject: options.subject ? { type: options.subject.type, key: keyOf(options.subject.attribute) } : null,
  }
}

async function openRecords(records: Record<string, any>[], layout: RecordLayout, client: VaultClient, onShredded: 'throw' | 'redact') {
  await sodiumReady()
  const { columns, table } = layout

  // Every key the page needs, each loaded once.
  const neededDataKeys = new Map<string, { scope: ScopeId; version: number }>()
  const subjectIds = new Map<ScopeId, Set<string>>()
  const plans: RecordPlan[] = []
  for (const record of records) {
    if (!columns.some(({ key }) => typeof record[key] === 'string')) continue
    const workspaceId = layout.workspaceKey === null ? PLATFORM_SCOPE : record[layout.workspaceKey]
    if (!workspaceId) throw new Error(`${table}.${layout.workspaceKey} must be selected to read encrypted columns`)
    const subject = layout.subject ? record[layout.subject.key] : null
    const plan: RecordPlan = {
      record,
      scope: String(workspaceId),
      rowId: String(record[layout.primaryKey]),
      subjectId: subject === null || subject === undefined || subject === '' ? null : String(subject),
    }
    plans.push(plan)
    for (const { key } of columns) {
      const value = record[key]
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
    for (const [id, key] of await keyStore.subjectKeys(scope, layout.subject!.type, [...ids], client)) subjectKeys.set(`${scope}:${id}`, key)
  }

  // Each value goes to the batch of its key; a row with a destroyed key is shredded whole.
  const batches = new Map<Uint8Array, { values: SealedText[]; targets: [RecordPlan, number][] }>()
  const opened = new Map<RecordPlan, unknown[]>()
  const shreddedPlans: RecordPlan[] = []
  for (const plan of plans) {
    const contextOf = (column: string): FieldContext => ({ scope: plan.scope, table, column, rowId: plan.rowId })
    const pending: [Uint8Array, SealedText, number][] = []
    let destroyed = false
    for (let index = 0; index < columns.length; index++) {
      const envelope = plan.record[columns[index].key]
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
      shreddedPlans.push(plan)
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
      const { column, format, key: valueKey } = columns[index]
      const text = texts[position]
      if (text === null) {
        const envelope = plan.record[valueKey] as string
        const context = { scope: plan.scope, table, column, rowId: plan.rowId }
        throw decryptionFailure(context, keyRefOf(envelope), isEnvelope(envelope) ? 'integrity' : 'malformed')
      }
      opened.get(plan)![index] = format === 'json' ? parseJson(text, { scope: plan.scope, table, column, rowId: plan.rowId }, keyRefOf(plan.record[valueKey])!) : text
    }
  }

  // Only now, with every value of every row opened, do the records change.
  const indexOf = new Map(records.map((record, index) => [record, index]))
  for (const plan of shreddedPlans) {
    for (const { key } of columns) plan.record[key] = null
  }
  for (const [plan, values] of opened) {
    for (let index = 0; index < columns.length; index++) {
      if (typeof plan.record[columns[index].key] !== 'string') continue
      plan.record[columns[index].key] = values[index]
    }
  }
  return {
    opened: [...opened.keys()].map((plan) => indexOf.get(plan.record)!),
    shredded: new Set(shreddedPlans.map((plan) => indexOf.get(plan.record)!)),
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
