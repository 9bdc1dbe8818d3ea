import billingConfig, { type PaidPlanKey, type PlanKey } from '#config/billing'

export function planForPrice(priceId: string | null | undefined): PaidPlanKey | null {
  if (!priceId) return null
  return billingConfig.paidPlans.find((plan) => billingConfig.plans[plan].stripePriceId === priceId) ?? null
}

export function planName(plan: PlanKey) {
  return billingConfig.plans[plan].name
}
