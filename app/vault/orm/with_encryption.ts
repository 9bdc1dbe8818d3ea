/**
 * Encrypted columns for Lucid models: one mixin per model, one decorator per
 * field.
 *
 *   class Contact extends compose(BaseModel, withEncryption({ subject: { type: 'contact', attribute: 'id' } })) {
 *     @column() declare workspaceId: string
 *     @encrypted.string() declare email: string | null
 *     @blindIndex('email', 'email') declare emailIndex: string | null
 *     @encrypted.json() declare customFields: Record<string, unknown> | null
 *   }
 *
 * Rows get a random UUID primary key before insert (the row id is part of
 * every ciphertext's associated data). See docs/vault.md.
 */
import { randomUUID } from 'node:crypto'
import { afterFetch, afterFind, afterSave, beforeCreate, beforeSave, column, type BaseModel } from '@adonisjs/lucid/orm'
import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'
import type { ColumnOptions, LucidModel, LucidRow } from '@adonisjs/lucid/types/model'
import { vaultMetadataOf, type EncryptedFormat, type EncryptionOptions } from '#vault/orm/metadata'
import { forgetPendingSeal, prepareSeal, sealForWrite } from '#vault/orm/seal_rows'
import { isShredded, openRows } from '#vault/orm/open_rows'
import type { BlindIndexKind } from '#vault/services/blind_index'

export function withEncryption(options: EncryptionOptions = {}) {
  return <Model extends NormalizeConstructor<typeof BaseModel>>(superclass: Model) => {
    class EncryptedRecord extends superclass {
      static selfAssignPrimaryKey = true
      static vaultOptions: EncryptionOptions = options

      @beforeCreate()
      static assignVaultPrimaryKey(row: LucidRow) {
        const Model = row.constructor as LucidModel
        if (!row.$attributes[Model.primaryKey]) row.$attributes[Model.primaryKey] = randomUUID()
      }

      @beforeSave()
      static async sealEncryptedAttributes(row: LucidRow) {
        await prepareSeal(row)
      }

      @afterSave()
      static forgetVaultKey(row: LucidRow) {
        forgetPendingSeal(row)
      }

      @afterFind()
      static async openEncryptedRecord(row: LucidRow) {
        await openRows([row], 'throw')
      }

      @afterFetch()
      static async openEncryptedRecords(rows: LucidRow[]) {
        await openRows(rows, 'redact')
      }

      /** True for a row fetched in a list whose key was destroyed (its encrypted values read as null). */
      get isShredded() {
        return isShredded(this as unknown as LucidRow)
      }
    }
    return EncryptedRecord
  }
}

type FieldOptions = Partial<Omit<ColumnOptions, 'prepare' | 'consume'>>

function encryptedColumn(format: EncryptedFormat, options: FieldOptions = {}) {
  return function decorate(target: object, property: string) {
    column({
      ...options,
      prepare: (value: unknown, attribute: string, row: LucidRow) => sealForWrite(row, attribute, value, format),
      // The envelope stays as is until the afterFind/afterFetch hook opens it.
      consume: (value: unknown) => value,
    })(target, property)
    vaultMetadataOf(target.constructor as LucidModel).encrypted.set(property, format)
  }
}

/** Encrypted column decorators (the database column is `text`). */
export const encrypted = {
  /** A string, in clear in memory, sealed in the database. */
  string: (options?: FieldOptions) => encryptedColumn('string', options),
  /** Any JSON value. */
  json: (options?: FieldOptions) => encryptedColumn('json', options),
  /** A string that is never serialized (tokens, API keys): show `secrets.lastFour()` instead. */
  secret: (options?: FieldOptions) => encryptedColumn('string', { serializeAs: null, ...options }),
}

/**
 * A blind-index column kept in step with `source` on every save, for
 * equality lookups: `where('email_index', await blindIndexFor(workspaceId, 'email', input))`.
 */
export function blindIndex(source: string, kind: BlindIndexKind, options: Partial<ColumnOptions> = {}) {
  return function decorate(target: object, property: string) {
    column({ serializeAs: null, ...options })(target, property)
    vaultMetadataOf(target.constructor as LucidModel).blindIndexes.set(property, { source, kind })
  }
}
