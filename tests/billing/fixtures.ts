import { DateTime } from 'luxon'
import { WorkspaceFactory } from '#database/factories/identity_factories'
import { memberOf } from '#tests/helpers/identity'
import { FakeStripe } from '#tests/helpers/fakes/stripe'
import BillingAccount from '#billing/models/billing_account'
import type { AccountStatus } from '#billing/models/billing_account'
import type { PlanKey } from '#config/billing'

/** The fake Stripe of one test file, posting webhooks to this run's server. */
export function fakeStripe(port: number) {
  return new FakeStripe(port, `http://localhost:${process.env.PORT}/webhooks/stripe`)
}

/** A workspace with an owner and a billing account linked to a customer of the fake Stripe. */
export async function billedWorkspace(
  stripe: FakeStripe,
  account: { plan?: PlanKey; status?: AccountStatus; trialEndsAt?: DateTime | null } = {}
) {
  const workspace = await WorkspaceFactory.create()
  const { user: owner } = await memberOf(workspace, 'owner')
  const customerId = `cus_${workspace.id.slice(0, 8)}`
  stripe.customers.set(customerId, { id: customerId, object: 'customer', email: owner.email, metadata: { workspace_id: workspace.id } })
  const billing = await BillingAccount.create({
    workspaceId: workspace.id,
    plan: account.plan ?? 'trial',
    status: account.status ?? 'trialing',
    trialEndsAt: account.trialEndsAt === undefined ? DateTime.now().plus({ days: 14 }) : account.trialEndsAt,
    stripeCustomerId: customerId,
    billingEmail: owner.email,
    cancelAtPeriodEnd: false,
  })
  return { workspace, owner, account: billing, customerId }
}

/** Posts a raw body with a given signature header to the webhook endpoint. */
export async function postWebhook(body: string, signature?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (signature !== undefined) headers['stripe-signature'] = signature
  const response = await fetch(`http://localhost:${process.env.PORT}/webhooks/stripe`, { method: 'POST', headers, body })
  return { status: response.status, body: await response.text() }
}
