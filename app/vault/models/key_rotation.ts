import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type KeyRotationKind = 'dek' | 'kek'
export type KeyRotationStatus = 'pending' | 'running' | 'completed' | 'failed'

/** Where the re-encryption of one DEK rotation is: resumable from `cursor` after a crash. */
export interface RotationCursor {
  /** A target: 'vault_subject_keys' or 'table.column'. */
  target: string
  /** Last primary key done in that target. */
  afterId: string | null
  /** Passes over all targets so far (values written under the old key during a pass get another). */
  sweep?: number
}

export default class KeyRotation extends BaseModel {
  static table = 'vault_key_rotations'

  @column({ isPrimary: true })
  declare id: string

  /** NULL: the platform scope (dek) or every scope (kek). */
  @column()
  declare workspaceId: string | null

  @column()
  declare kind: KeyRotationKind

  @column()
  declare fromVersion: number

  @column()
  declare toVersion: number

  @column()
  declare status: KeyRotationStatus

  @column()
  declare processed: number

  @column()
  declare total: number

  @column({ prepare: (value) => (value ? JSON.stringify(value) : null) })
  declare cursor: RotationCursor | null

  @column()
  declare error: string | null

  @column.dateTime()
  declare startedAt: DateTime | null

  @column.dateTime()
  declare finishedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  get isUnfinished() {
    return this.status !== 'completed'
  }
}
