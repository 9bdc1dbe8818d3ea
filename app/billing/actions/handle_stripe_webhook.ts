import Stripe from 'stripe'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { UserFacingError } from '#core/errors'
import BillingAccount from '#billing/models/billing_account'
import ApplySubscription from '#billing/actions/apply_subscription'
import RecordInvoice from '#billing/actions/record_invoice'
import CompleteCheckout from '#billing/actions/complete_checkout'
import { idOf } from '#billing/services/stripe_gateway'
import { stripeWebhookSecret } from '#billing/services/platform_credentials'

export class WebhookSignatureError extends UserFacingError {
  constructor() {
    super('The Stripe signature is missing, invalid or too old.', undefined, { status: 400, code: 'E_STRIPE_SIGNATURE' })
  }
}

/**
 * A Stripe webhook: verified with the signing secret (a replayed payload
 * fails the timestamp tolerance), stored once by event id (a second
 * delivery changes nothing), then applied. Events of customers we do not
 * know are logged and acknowledged; nothing is created for them.
 */
export default class HandleStripeWebhook {
  async handle(rawBody: string, signature: string | undefined) {
    const secret = await stripeWebhookSecret()
    if (!secret) {
      throw new UserFacingError('Stripe webhooks are not configured: an operator sets the signing secret in the operator console (or STRIPE_WEBHOOK_SECRET).', undefined, { status: 503 })
    }
    let event: Stripe.Event
    try {
      event = Stripe.webhooks.constructEvent(rawBody, signature ?? '', secret)
    } catch {
      throw new WebhookSignatureError()
    }

    const inserted = await db
      .knexQuery()
      .table('billing_webhook_events')
      .insert({ id: event.id, type: event.type, stripe_created: event.created, outcome: 'processing', received_at: new Date() })
      .onConflict('id')
      .ignore()
      .returning('id')
    if (inserted.length === 0) return { received: true, duplicate: true }

    try {
      const { outcome, workspaceId } = await this.apply(event)
      await db.from('billing_webhook_events').where('id', event.id).update({ outcome, workspace_id: workspaceId })
      return { received: true, outcome }
    } catch (error) {
      // Not applied: forget the event so Stripe's retry is processed.
      await db.from('billing_webhook_events').where('id', event.id).delete()
      throw error
    }
  }

  private async apply(event: Stripe.Event): Promise<{ outcome: string; workspaceId: string | null }> {
    const object = event.data.object as { object?: string; customer?: string | { id: string } | null }
    if (!HANDLED.has(event.type)) return { outcome: 'ignored', workspaceId: null }
    const customerId = idOf(object.customer)
    const account = customerId ? await BillingAccount.findBy('stripe_customer_id', customerId) : null
    if (!account) {
      logger.warn({ eventId: event.id, type: event.type }, 'billing: Stripe webhook for an unknown customer, nothing changed')
      return { outcome: 'unknown_customer', workspaceId: null }
    }
    const workspaceId = account.workspaceId
    switch (event.type) {
      case 'checkout.session.completed':
        return { outcome: await new CompleteCheckout().handle(account, event.data.object, event.created), workspaceId }
      case 'customer.subscription.created':
      case 'customer.subscription.updated':
      case 'customer.subscription.deleted':
        return { outcome: await new ApplySubscription().handle(account, event.data.object, event.created), workspaceId }
      default:
        await new RecordInvoice().handle(account, event.data.object as Stripe.Invoice, event)
        return { outcome: 'applied', workspaceId }
    }
  }
}

const HANDLED = new Set<string>([
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.created',
  'invoice.finalized',
  'invoice.updated',
  'invoice.paid',
  'invoice.payment_failed',
  'invoice.voided',
  'invoice.marked_uncollectible',
])
