import type { HttpContext } from '@adonisjs/core/http'
import { audit } from '#core/audit'
import { describeWebhookSecret, storeWebhookSecret } from '#billing/services/platform_credentials'
import { webhookSecretValidator } from '#billing/validators/billing'

/** Operator console: the Stripe webhook signing secret, write-only (the operator middleware guards the routes). */
export default class BillingSettingsController {
  async show({ inertia }: HttpContext) {
    return inertia.render('billing/operator_settings', { webhookSecret: await describeWebhookSecret() })
  }

  async updateWebhookSecret({ request, response, session, auth }: HttpContext) {
    const { webhookSecret } = await request.validateUsing(webhookSecretValidator)
    const operator = auth.getUserOrFail()
    await storeWebhookSecret(webhookSecret, operator.id)
    await audit({ action: 'operator.stripe_webhook_secret_set', workspaceId: null, targetType: 'billing_settings', targetId: '1', actor: { type: 'operator', id: operator.id } })
    session.flash('success', 'The webhook signing secret is saved in the vault. It will not be shown again.')
    return response.redirect('/operator/billing')
  }
}
