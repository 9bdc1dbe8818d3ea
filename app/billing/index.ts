/**
 * Public face of the billing module: other modules and start/ files import only from here.
 * Usage: docs/billing.md.
 */
export { entitlements, type Entitlements } from '#billing/services/entitlements'
export { default as StartTrial } from '#billing/actions/start_trial'
export { default as StartTrialForNewWorkspace } from '#billing/actions/start_trial_for_new_workspace'
export { default as BillingPolicy } from '#billing/policies/billing_policy'
export { billingPersonalData } from '#billing/personal_data'
export { seedBillingDemo } from '#billing/demo_data'
