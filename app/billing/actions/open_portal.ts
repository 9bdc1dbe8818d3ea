import { UserFacingError } from '#core/errors'
import { audit } from '#core/audit'
import type { Workspace } from '#identity/index'
import BillingAccount from '#billing/models/billing_account'
import { callStripe } from '#billing/services/stripe_gateway'
import { absoluteUrl } from '#billing/services/urls'

/** A Stripe customer-portal session (cards, invoices, cancellation) for the workspace's customer. */
export default class OpenPortal {
  async handle(workspace: Workspace) {
    const account = await BillingAccount.findBy('workspace_id', workspace.id)
    if (!account?.stripeCustomerId) {
      throw new UserFacingError('Choose a plan first: the payment portal opens once the workspace has paid through Stripe.')
    }
    const customerId = account.stripeCustomerId
    const session = await callStripe((client) =>
      client.billingPortal.sessions.create({ customer: customerId, return_url: absoluteUrl(`/w/${workspace.slug}/billing`) })
    )
    await audit({ action: 'billing.portal_opened', workspaceId: workspace.id, targetType: 'billing_account', targetId: account.id })
    return session.url
  }
}
