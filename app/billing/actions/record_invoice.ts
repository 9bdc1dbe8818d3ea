import type Stripe from 'stripe'
import db from '@adonisjs/lucid/services/db'
import type BillingAccount from '#billing/models/billing_account'
import BillingInvoice from '#billing/models/billing_invoice'
import BillingPayment from '#billing/models/billing_payment'
import { fromUnix } from '#billing/services/periods'

/**
 * Keeps the local copy of a Stripe invoice (newest event wins) and, for
 * `invoice.paid` / `invoice.payment_failed`, one payment record per event.
 */
export default class RecordInvoice {
  async handle(account: BillingAccount, invoice: Stripe.Invoice, event: Pick<Stripe.Event, 'id' | 'type' | 'created'>) {
    const existing = await BillingInvoice.query().where('stripe_invoice_id', invoice.id!).first()
    const fields = {
      workspaceId: account.workspaceId,
      stripeInvoiceId: invoice.id!,
      number: invoice.number ?? null,
      status: invoice.status ?? 'draft',
      currency: invoice.currency,
      total: invoice.total,
      amountPaid: invoice.amount_paid,
      periodStart: fromUnix(invoice.period_start),
      periodEnd: fromUnix(invoice.period_end),
      hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
      issuedAt: fromUnix(invoice.created)!,
      stripeStateAt: event.created,
    }
    if (!existing) await BillingInvoice.create(fields)
    else if (event.created >= existing.stripeStateAt) await existing.merge(fields).save()

    const outcome = event.type === 'invoice.paid' ? 'succeeded' : event.type === 'invoice.payment_failed' ? 'failed' : null
    if (outcome) {
      // Unique by event id: a replayed event adds no second payment.
      await db
        .knexQuery()
        .table(BillingPayment.table)
        .insert({
          workspace_id: account.workspaceId,
          stripe_event_id: event.id,
          stripe_invoice_id: invoice.id,
          outcome,
          currency: invoice.currency,
          amount: outcome === 'succeeded' ? invoice.amount_paid : invoice.amount_due,
          occurred_at: fromUnix(event.created)!.toJSDate(),
          created_at: new Date(),
        })
        .onConflict('stripe_event_id')
        .ignore()
    }
  }
}
