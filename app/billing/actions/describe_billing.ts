import type { Workspace } from '#identity/index'
import BillingInvoice from '#billing/models/billing_invoice'
import { ensureAccount } from '#billing/actions/ensure_account'
import { entitlements } from '#billing/services/entitlements'
import { usage } from '#billing/services/usage'
import { billingDetailsDto, invoiceDto, planDtos, subscriptionDto } from '#billing/presenters/billing'

/** Everything the billing page shows, as DTOs. */
export default class DescribeBilling {
  async handle(workspace: Workspace) {
    const account = await ensureAccount(workspace.id)
    const current = await entitlements.forWorkspace(workspace.id)
    const [seats, aiTokens, channels] = await Promise.all([
      usage.used(workspace.id, 'seats'),
      usage.used(workspace.id, 'ai_tokens'),
      usage.used(workspace.id, 'channels'),
    ])
    const invoices = await BillingInvoice.query().withScopes((scopes) => scopes.forWorkspace(workspace)).orderBy('issued_at', 'desc').limit(24)
    return {
      subscription: subscriptionDto(account, current),
      usage: {
        seats: { used: seats, limit: current.limits.seats },
        aiTokens: { used: aiTokens, limit: current.limits.ai_tokens },
        channels: { used: channels, limit: current.limits.channels },
      },
      plans: planDtos(current.plan),
      invoices: invoices.map(invoiceDto),
      details: billingDetailsDto(account),
    }
  }
}
