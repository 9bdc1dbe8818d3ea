import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { workspaceScope } from '#core/tenancy'

const bigint = { consume: (value: unknown) => (value === null ? null : Number(value)) }

/** An invoice copied from Stripe (webhooks); kept 10 years as a tax record. */
export default class BillingInvoice extends BaseModel {
  static table = 'billing_invoices'
  static forWorkspace = workspaceScope<typeof BillingInvoice>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare stripeInvoiceId: string

  @column()
  declare number: string | null

  @column()
  declare status: string

  @column()
  declare currency: string

  @column(bigint)
  declare total: number

  @column(bigint)
  declare amountPaid: number

  @column.dateTime()
  declare periodStart: DateTime | null

  @column.dateTime()
  declare periodEnd: DateTime | null

  @column()
  declare hostedInvoiceUrl: string | null

  @column.dateTime()
  declare issuedAt: DateTime

  @column(bigint)
  declare stripeStateAt: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
