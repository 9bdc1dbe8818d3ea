import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { blindIndex, encrypted, withEncryption } from '#vault/index'
import { workspaceScope } from '#core/tenancy'
import type { PlanKey } from '#config/billing'

/** Local account states: Stripe's subscription statuses, plus a trial without Stripe and no plan at all. */
export const ACCOUNT_STATUSES = ['trialing', 'active', 'past_due', 'canceled', 'unpaid', 'incomplete', 'none'] as const
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number]

export interface BillingAddress {
  line1: string
  line2?: string | null
  postalCode: string
  city: string
  country: string
}

/**
 * A workspace's plan and subscription, mirrored from Stripe webhooks. The
 * billing contact is sealed in the platform scope (Vaultdesk, not the
 * workspace, is the controller of billing data) and found by a platform
 * blind index of the email.
 */
export default class BillingAccount extends compose(BaseModel, withEncryption({ scope: 'platform' })) {
  static table = 'billing_accounts'
  static forWorkspace = workspaceScope<typeof BillingAccount>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare plan: PlanKey

  @column()
  declare status: AccountStatus

  @column.dateTime()
  declare trialEndsAt: DateTime | null

  /** Which trial signal matched another workspace ('card_fingerprint', 'checkout_ip', 'email_domain'). */
  @column()
  declare trialRefusedReason: string | null

  @column()
  declare stripeCustomerId: string | null

  @column()
  declare stripeSubscriptionId: string | null

  @column()
  declare stripePriceId: string | null

  @column.dateTime()
  declare currentPeriodEnd: DateTime | null

  @column()
  declare cancelAtPeriodEnd: boolean

  @column({ consume: (value) => (value === null ? null : Number(value)) })
  declare stripeStateAt: number | null

  @encrypted.string()
  declare billingEmail: string | null

  @blindIndex('billingEmail', 'email')
  declare billingEmailIndex: string | null

  @encrypted.string()
  declare billingName: string | null

  @encrypted.string()
  declare vatId: string | null

  @encrypted.json()
  declare billingAddress: BillingAddress | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  /** A local trial (no Stripe subscription yet) that has not ended. */
  get inLocalTrial() {
    return this.status === 'trialing' && !this.stripeSubscriptionId && !!this.trialEndsAt && this.trialEndsAt > DateTime.now()
  }
}
