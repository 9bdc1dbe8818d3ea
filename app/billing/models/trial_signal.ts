import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type TrialSignalKind = 'card_fingerprint' | 'checkout_ip' | 'email_domain'

/** A keyed hash of something that identifies who took a trial; never the value itself. */
export default class TrialSignal extends BaseModel {
  static table = 'billing_trial_signals'

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare kind: TrialSignalKind

  @column()
  declare valueHash: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
