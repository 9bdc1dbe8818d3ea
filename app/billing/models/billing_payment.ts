import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { workspaceScope } from '#core/tenancy'

/** One payment attempt on an invoice (succeeded or failed), from Stripe's invoice events. */
export default class BillingPayment extends BaseModel {
  static table = 'billing_payments'
  static forWorkspace = workspaceScope<typeof BillingPayment>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare stripeEventId: string

  @column()
  declare stripeInvoiceId: string

  @column()
  declare outcome: 'succeeded' | 'failed'

  @column()
  declare currency: string

  @column({ consume: (value) => Number(value) })
  declare amount: number

  @column.dateTime()
  declare occurredAt: DateTime

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
