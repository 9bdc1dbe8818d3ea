/** What the encrypted-column decorators record on each model class. */
import type { LucidModel } from '@adonisjs/lucid/types/model'
import type { BlindIndexKind } from '#vault/services/blind_index'
import { registerEncryptedColumnsResolver, type EncryptedColumn } from '#vault/services/registry'

export type EncryptedFormat = 'string' | 'json'

export interface EncryptionOptions {
  /** Whose keys: the row's workspace (default) or the platform (workspace users' data). */
  scope?: 'workspace' | 'platform'
  /** The attribute holding the workspace id (default `workspaceId`). */
  workspaceAttribute?: string
  /**
   * Seal with the subject's own key, so destroying it shreds the data:
   * `{ type: 'contact', attribute: 'id' }` on contacts, `'contactId'` on messages.
   * Rows whose subject attribute is empty fall back to the workspace DEK.
   */
  subject?: { type: string; attribute: string }
}

export interface ModelVaultMetadata {
  encrypted: Map<string, EncryptedFormat>
  blindIndexes: Map<string, { source: string; kind: BlindIndexKind }>
}

const metadata = new WeakMap<LucidModel, ModelVaultMetadata>()

/** A model's encrypted columns, inherited from the model it extends (decorators add to a copy). */
export function vaultMetadataOf(Model: LucidModel): ModelVaultMetadata {
  const own = metadata.get(Model)
  if (own) return own
  const parent = Object.getPrototypeOf(Model)
  const inherited = typeof parent === 'function' && '$addColumn' in parent ? vaultMetadataOf(parent) : null
  const created: ModelVaultMetadata = {
    encrypted: new Map(inherited?.encrypted),
    blindIndexes: new Map(inherited?.blindIndexes),
  }
  metadata.set(Model, created)
  registerEncryptedColumnsResolver(() => registryEntries(Model, created))
  return created
}

export function encryptionOptionsOf(Model: LucidModel): Required<Pick<EncryptionOptions, 'scope' | 'workspaceAttribute'>> & EncryptionOptions {
  const options = (Model as unknown as { vaultOptions?: EncryptionOptions }).vaultOptions
  if (!options) {
    throw new Error(`${Model.name} has encrypted columns but does not use the withEncryption() mixin`)
  }
  return { scope: 'workspace', workspaceAttribute: 'workspaceId', ...options }
}

function registryEntries(Model: LucidModel, found: ModelVaultMetadata): EncryptedColumn[] {
  if (found.encrypted.size === 0) return []
  Model.boot()
  const options = encryptionOptionsOf(Model)
  const columnOf = (attribute: string) => Model.$getColumn(attribute)?.columnName ?? attribute
  return [...found.encrypted.keys()].map((attribute) => ({
    table: Model.table,
    column: columnOf(attribute),
    primaryKey: columnOf(Model.primaryKey),
    workspaceColumn: options.scope === 'platform' ? null : columnOf(options.workspaceAttribute),
    subject: options.subject ? { type: options.subject.type, column: columnOf(options.subject.attribute) } : null,
    origin: Model.name,
  }))
}
