/**
 * Plans and what each includes: the one place limits are defined. The
 * entitlements service (app/billing/services/entitlements.ts) reads them;
 * Stripe price ids come from the environment so test and live mode differ.
 */
import env from '#start/env'

export type PlanKey = 'trial' | 'starter' | 'growth' | 'scale' | 'none'
export type PaidPlanKey = Exclude<PlanKey, 'trial' | 'none'>

export interface PlanDefinition {
  name: string
  /** Monthly price shown on the billing page (Stripe charges the price id's amount). */
  monthlyPrice: string
  seats: number
  /** AI tokens per calendar month. */
  aiTokens: number
  channels: number
  /** Stripe price id; null for plans not sold through Stripe. */
  stripePriceId: string | null
}

const plans: Record<PlanKey, PlanDefinition> = {
  trial: { name: 'Free trial', monthlyPrice: '€0', seats: 10, aiTokens: 1_000_000, channels: 5, stripePriceId: null },
  starter: {
    name: 'Starter',
    monthlyPrice: '€29',
    seats: 3,
    aiTokens: 100_000,
    channels: 1,
    stripePriceId: env.get('STRIPE_PRICE_STARTER') || 'price_starter_monthly',
  },
  growth: {
    name: 'Growth',
    monthlyPrice: '€99',
    seats: 10,
    aiTokens: 1_000_000,
    channels: 5,
    stripePriceId: env.get('STRIPE_PRICE_GROWTH') || 'price_growth_monthly',
  },
  scale: {
    name: 'Scale',
    monthlyPrice: '€399',
    seats: 50,
    aiTokens: 5_000_000,
    channels: 20,
    stripePriceId: env.get('STRIPE_PRICE_SCALE') || 'price_scale_monthly',
  },
  // No trial and no subscription (trial refused or ended, subscription canceled): the owner alone, nothing metered.
  none: { name: 'No plan', monthlyPrice: '—', seats: 1, aiTokens: 0, channels: 0, stripePriceId: null },
}

const billingConfig = {
  plans,
  paidPlans: ['starter', 'growth', 'scale'] as PaidPlanKey[],
  trialDays: 14,
  /** A checkout IP seen on another workspace's trial within this many days refuses a new trial. */
  trialIpWindowDays: 30,
  stripe: {
    secretKey: env.get('STRIPE_SECRET_KEY')?.release() ?? null,
    webhookSecret: env.get('STRIPE_WEBHOOK_SECRET')?.release() ?? null,
    // The real API by default; tests point these at the local fake server.
    host: env.get('STRIPE_API_HOST') || 'api.stripe.com',
    port: env.get('STRIPE_API_PORT') ?? 443,
    protocol: (env.get('STRIPE_API_PROTOCOL') || 'https') as 'http' | 'https',
  },
}

export default billingConfig
