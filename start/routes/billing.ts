/** Routes of the billing module (app/billing): the owners' Billing page and Stripe's webhook. */
import router from '@adonisjs/core/services/router'
import { operatorRoutes, workspaceRoutes } from '#start/route_groups'

const BillingController = () => import('#billing/controllers/billing_controller')
const StripeWebhooksController = () => import('#billing/controllers/stripe_webhooks_controller')
const BillingSettingsController = () => import('#billing/controllers/billing_settings_controller')

workspaceRoutes(() => {
  router.get('/billing', [BillingController, 'show']).as('billing.show')
  router.post('/billing/checkout', [BillingController, 'checkout']).as('billing.checkout')
  router.post('/billing/portal', [BillingController, 'portal']).as('billing.portal')
  router.put('/billing/plan', [BillingController, 'changePlan']).as('billing.plan')
  router.put('/billing/details', [BillingController, 'updateDetails']).as('billing.details')
})

// Operators keep the webhook signing secret in the vault
operatorRoutes(() => {
  router.get('/billing', [BillingSettingsController, 'show']).as('operator.billing')
  router.put('/billing/webhook-secret', [BillingSettingsController, 'updateWebhookSecret']).as('operator.billing.webhook_secret')
})

// Signed by Stripe (verified in HandleStripeWebhook); exempt from CSRF in config/shield.ts.
router.post('/webhooks/stripe', [StripeWebhooksController, 'handle']).as('billing.webhooks.stripe')
