import { DateTime } from 'luxon'
import billingConfig, { type PlanKey } from '#config/billing'
import type BillingAccount from '#billing/models/billing_account'
import type BillingInvoice from '#billing/models/billing_invoice'
import type { Entitlements } from '#billing/services/entitlements'
import { TRIAL_REFUSALS } from '#billing/services/trial_integrity'
import type { TrialSignalKind } from '#billing/models/trial_signal'

const STATUS_LABELS: Record<string, string> = {
  trialing: 'Trial',
  active: 'Active',
  past_due: 'Payment overdue',
  unpaid: 'Unpaid',
  canceled: 'Canceled',
  incomplete: 'Awaiting payment',
  none: 'No plan',
}

export function money(amount: number, currency: string) {
  return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(amount / 100)
}

export function planDtos(current: PlanKey) {
  return billingConfig.paidPlans.map((key) => {
    const plan = billingConfig.plans[key]
    return { key, name: plan.name, monthlyPrice: plan.monthlyPrice, seats: plan.seats, aiTokens: plan.aiTokens, channels: plan.channels, current: key === current }
  })
}

export function subscriptionDto(account: BillingAccount, current: Entitlements) {
  const trialEndsAt = current.plan === 'trial' || account.status === 'trialing' ? current.trialEndsAt : null
  return {
    plan: current.plan,
    planName: billingConfig.plans[current.plan].name,
    status: account.status,
    statusLabel: STATUS_LABELS[account.status] ?? account.status,
    trialEndsAt: trialEndsAt?.toISO() ?? null,
    trialDaysLeft: trialEndsAt ? Math.max(0, Math.ceil(trialEndsAt.diff(DateTime.now(), 'days').days)) : null,
    trialRefusal: account.trialRefusedReason ? TRIAL_REFUSALS[account.trialRefusedReason as TrialSignalKind] ?? null : null,
    currentPeriodEnd: account.currentPeriodEnd?.toISO() ?? null,
    cancelAtPeriodEnd: account.cancelAtPeriodEnd,
    hasSubscription: Boolean(account.stripeSubscriptionId) && account.status !== 'canceled',
    hasCustomer: Boolean(account.stripeCustomerId),
  }
}

export function invoiceDto(invoice: BillingInvoice) {
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    total: money(invoice.total, invoice.currency),
    issuedAt: invoice.issuedAt.toISO(),
    periodStart: invoice.periodStart?.toISO() ?? null,
    periodEnd: invoice.periodEnd?.toISO() ?? null,
    hostedInvoiceUrl: invoice.hostedInvoiceUrl,
  }
}

export function billingDetailsDto(account: BillingAccount) {
  return {
    billingName: account.billingName ?? '',
    billingEmail: account.billingEmail ?? '',
    vatId: account.vatId ?? '',
    address: {
      line1: account.billingAddress?.line1 ?? '',
      line2: account.billingAddress?.line2 ?? '',
      postalCode: account.billingAddress?.postalCode ?? '',
      city: account.billingAddress?.city ?? '',
      country: account.billingAddress?.country ?? '',
    },
  }
}
