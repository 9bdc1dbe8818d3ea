/**
 * The Stripe webhook signing secret, kept by the vault: operators paste it in
 * the operator console, it is sealed under the platform's data key (bound to
 * its row and column) and never shown again. The STRIPE_WEBHOOK_SECRET
 * environment variable is only the fallback for installations that manage
 * secrets outside the app.
 */
import db from '@adonisjs/lucid/services/db'
import { PLATFORM_SCOPE, secrets } from '#vault/index'
import { webhookSecret as configuredWebhookSecret } from '#billing/services/stripe_gateway'

const ROW_ID = 1
const WEBHOOK_SECRET_CONTEXT = { scope: PLATFORM_SCOPE, table: 'billing_settings', column: 'stripe_webhook_secret', rowId: String(ROW_ID) }

export async function storeWebhookSecret(secret: string, operatorId: string) {
  const sealed = await secrets.seal(secret, WEBHOOK_SECRET_CONTEXT)
  await db
    .knexQuery()
    .table('billing_settings')
    .insert({ id: ROW_ID, stripe_webhook_secret: sealed, updated_by_user_id: operatorId, updated_at: new Date() })
    .onConflict('id')
    .merge()
}

/** The secret webhooks are verified with: the vault's when an operator set one, else the environment's. */
export async function stripeWebhookSecret(): Promise<string | null> {
  const row = await db.from('billing_settings').where('id', ROW_ID).select('stripe_webhook_secret').first()
  if (row?.stripe_webhook_secret) return secrets.open(row.stripe_webhook_secret, WEBHOOK_SECRET_CONTEXT)
  return configuredWebhookSecret()
}

/** What the operator page shows: where the secret comes from and its last characters, never the value. */
export async function describeWebhookSecret() {
  const row = await db.from('billing_settings').where('id', ROW_ID).first()
  if (row?.stripe_webhook_secret) {
    const secret = await secrets.open(row.stripe_webhook_secret, WEBHOOK_SECRET_CONTEXT)
    return { source: 'vault' as const, hint: secrets.lastFour(secret), updatedAt: new Date(row.updated_at).toISOString() }
  }
  return { source: configuredWebhookSecret() ? ('environment' as const) : ('none' as const), hint: '', updatedAt: null }
}
