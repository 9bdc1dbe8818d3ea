import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type VaultKeyPurpose = 'data' | 'index'
export type VaultKeyStatus = 'active' | 'retired' | 'destroyed'

/**
 * A workspace (or platform) key wrapped by the KEK: data keys (DEKs,
 * versioned; one active) and the blind-index key. Destroyed keys keep their
 * row, without key material, so the scope cannot silently get new keys.
 */
export default class VaultKey extends BaseModel {
  static table = 'vault_keys'

  @column({ isPrimary: true })
  declare id: string

  /** NULL for the platform scope. */
  @column()
  declare workspaceId: string | null

  @column()
  declare purpose: VaultKeyPurpose

  @column()
  declare version: number

  @column()
  declare kekVersion: number

  @column({ serializeAs: null })
  declare wrappedKey: string | null

  @column()
  declare status: VaultKeyStatus

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime()
  declare retiredAt: DateTime | null

  @column.dateTime()
  declare destroyedAt: DateTime | null
}
