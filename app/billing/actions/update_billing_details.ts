import { audit } from '#core/audit'
import logger from '@adonisjs/core/services/logger'
import type { Workspace } from '#identity/index'
import type { BillingAddress } from '#billing/models/billing_account'
import { ensureAccount } from '#billing/actions/ensure_account'
import { stripe } from '#billing/services/stripe_gateway'

export interface BillingDetailsInput {
  billingName: string
  billingEmail: string
  vatId?: string | null
  address: BillingAddress
}

/** Saves the billing contact (sealed) and passes it to the Stripe customer, which prints it on invoices. */
export default class UpdateBillingDetails {
  async handle(workspace: Workspace, input: BillingDetailsInput) {
    const account = await ensureAccount(workspace.id)
    account.merge({
      billingName: input.billingName,
      billingEmail: input.billingEmail,
      vatId: input.vatId?.replace(/\s+/g, '').toUpperCase() || null,
      billingAddress: input.address,
    })
    await account.save()
    if (account.stripeCustomerId) {
      try {
        await stripe().customers.update(account.stripeCustomerId, {
          name: input.billingName,
          email: input.billingEmail,
          address: {
            line1: input.address.line1,
            line2: input.address.line2 ?? undefined,
            postal_code: input.address.postalCode,
            city: input.address.city,
            country: input.address.country,
          },
          metadata: { vat_id: account.vatId ?? '' },
        })
      } catch (error) {
        // Saved here either way; Stripe gets the details with the next change.
        logger.warn({ workspaceId: workspace.id, code: (error as { code?: string }).code }, 'billing: could not update the Stripe customer')
      }
    }
    await audit({ action: 'billing.details_updated', workspaceId: workspace.id, targetType: 'billing_account', targetId: account.id })
    return account
  }
}
