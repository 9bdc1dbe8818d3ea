import { DateTime } from 'luxon'
import { randomUUID } from 'node:crypto'
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import type { CertificatePayload } from '#privacy/services/certificates'

/** A signed erasure certificate (categories and counts, never content). */
export default class PrivacyCertificate extends BaseModel {
  static table = 'privacy_certificates'
  static selfAssignPrimaryKey = true

  @beforeCreate()
  static assignId(row: { id?: string }) {
    row.id ??= randomUUID()
  }

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string | null

  @column()
  declare requestId: string

  @column()
  declare payload: CertificatePayload

  @column()
  declare signature: string

  @column()
  declare publicKey: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
