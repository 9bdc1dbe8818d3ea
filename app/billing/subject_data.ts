/**
 * How the privacy desk reaches a billing contact: by the email on the billing
 * account (a platform blind index). Access exports the contact, invoices and
 * payments; erasure keeps them (tax law) and says so, with the legal basis.
 */
import type { SubjectIdentifiers, SubjectRecords, ErasureOutcome } from '#core/subject_data'
import { registerRecipientSource, registerSubjectDataProvider } from '#core/subject_data'
import { PLATFORM_SCOPE, blindIndexFor } from '#vault/index'
import BillingAccount from '#billing/models/billing_account'
import BillingInvoice from '#billing/models/billing_invoice'
import BillingPayment from '#billing/models/billing_payment'
import db from '@adonisjs/lucid/services/db'

export const TAX_RECORDS_BASIS =
  'Legal obligation: invoices and payment records are tax records, kept 10 years (e.g. §147 AO, §257 HGB, Art. 6(1)(c) GDPR).'
export const TRIAL_SIGNALS_BASIS =
  'Legitimate interest (Art. 6(1)(f) GDPR): preventing repeated free trials; keyed hashes only, deleted after 12 months.'

async function accountsOf(subject: SubjectIdentifiers) {
  const indexes = (await Promise.all(subject.emails.map((email) => blindIndexFor(PLATFORM_SCOPE, 'email', email)))).filter(
    (index): index is string => Boolean(index)
  )
  const ids = subject.ids.billing_contact ?? []
  if (indexes.length === 0 && ids.length === 0) return []
  return BillingAccount.query()
    .where((query) => {
      if (indexes.length) query.whereIn('billing_email_index', indexes)
      if (ids.length) query.orWhereIn('id', ids)
    })
    .if(subject.workspaceId, (query) => query.where('workspace_id', subject.workspaceId!))
}

function contactRow(account: BillingAccount) {
  return {
    workspace_id: account.workspaceId,
    billing_name: account.billingName,
    billing_email: account.billingEmail,
    vat_id: account.vatId,
    billing_address: account.billingAddress,
    stripe_customer_id: account.stripeCustomerId,
    stripe_subscription_id: account.stripeSubscriptionId,
  }
}

export function registerBillingSubjectData() {
  registerSubjectDataProvider({
    module: 'billing',

    async resolve(subject) {
      const accounts = await accountsOf(subject)
      return accounts.length ? { billing_contact: accounts.map((account) => account.id) } : {}
    },

    async collect(subject): Promise<SubjectRecords[]> {
      const accounts = await accountsOf(subject)
      if (accounts.length === 0) return []
      const workspaceIds = accounts.map((account) => account.workspaceId)
      const invoices = await BillingInvoice.query().whereIn('workspace_id', workspaceIds).orderBy('issued_at')
      const payments = await BillingPayment.query().whereIn('workspace_id', workspaceIds).orderBy('occurred_at')
      return [
        { module: 'billing', table: 'billing_accounts', category: 'billing', rows: accounts.map(contactRow) },
        {
          module: 'billing',
          table: 'billing_invoices',
          category: 'billing',
          rows: invoices.map((invoice) => ({
            workspace_id: invoice.workspaceId,
            stripe_invoice_id: invoice.stripeInvoiceId,
            number: invoice.number,
            status: invoice.status,
            currency: invoice.currency,
            total: invoice.total,
            amount_paid: invoice.amountPaid,
            period_start: invoice.periodStart?.toISO() ?? null,
            period_end: invoice.periodEnd?.toISO() ?? null,
            hosted_invoice_url: invoice.hostedInvoiceUrl,
            issued_at: invoice.issuedAt.toISO(),
          })),
        },
        {
          module: 'billing',
          table: 'billing_payments',
          category: 'billing',
          rows: payments.map((payment) => ({
            workspace_id: payment.workspaceId,
            stripe_invoice_id: payment.stripeInvoiceId,
            outcome: payment.outcome,
            currency: payment.currency,
            amount: payment.amount,
            occurred_at: payment.occurredAt.toISO(),
          })),
        },
      ]
    },

    /** Nothing is erased: every billing row is a tax record or an anti-abuse signal with its own retention. */
    async erase(subject): Promise<ErasureOutcome[]> {
      const accounts = await accountsOf(subject)
      if (accounts.length === 0) return []
      const workspaceIds = accounts.map((account) => account.workspaceId)
      const count = async (table: string) => Number((await db.from(table).whereIn('workspace_id', workspaceIds).count('* as total'))[0].total)
      const retained = (table: string, rows: number, legalBasis: string, category: ErasureOutcome['category'] = 'billing'): ErasureOutcome => ({
        module: 'billing',
        table,
        category,
        action: 'retained',
        rows,
        legalBasis,
      })
      return [
        retained('billing_accounts', accounts.length, TAX_RECORDS_BASIS),
        retained('billing_invoices', await count('billing_invoices'), TAX_RECORDS_BASIS),
        retained('billing_payments', await count('billing_payments'), TAX_RECORDS_BASIS),
        retained('billing_trial_signals', await count('billing_trial_signals'), TRIAL_SIGNALS_BASIS, 'security'),
      ]
    },
  })

  // Stripe received the billing contact's details (customer, invoices, payments).
  registerRecipientSource('stripe', async (subject) => {
    const accounts = await accountsOf(subject)
    if (!accounts.some((account) => account.stripeCustomerId)) return []
    return [{ name: 'Stripe', kind: 'subprocessor', purpose: 'Payments, subscriptions and invoices', contact: 'privacy@stripe.com' }]
  })
}
