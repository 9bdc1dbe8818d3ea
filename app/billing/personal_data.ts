import { declarePersonalData, notPersonal, personal } from '#core/personal_data'
import { registerBillingSubjectData } from '#billing/subject_data'
import '#billing/retention_targets'

/**
 * Billing's tables. Vaultdesk is the controller of billing data, so the
 * billing contact is sealed in the platform scope. Invoices and payments are
 * tax records: kept 10 years (retention `billing_records`, governance's 10-year rule `invoices`) and retained, with
 * the legal basis shown, when the contact asks for erasure.
 */
const billingRecord = {
  subject: 'billing_contact',
  category: 'billing',
  purpose: 'Bill the workspace and keep its tax records',
  legalBasis: 'legal_obligation',
  retention: 'billing_records',
  erasure: 'retain_legal_basis',
} as const

const exportedRecord = personal({ ...billingRecord, exported: true })
const sealedContact = (category: 'contact_details' | 'identity' | 'billing') =>
  personal({ ...billingRecord, category, exported: true, protectedAtRest: 'encrypted' })
const processorReference = personal({
  ...billingRecord,
  purpose: 'Link the workspace to its Stripe customer and subscription (pseudonymous processor ids)',
  legalBasis: 'contract',
  exported: true,
})

export const billingPersonalData = declarePersonalData({
  module: 'billing',
  tables: [
    {
      table: 'billing_accounts',
      description: 'A workspace’s plan, subscription state and billing contact (sealed, platform scope)',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        plan: notPersonal('plan key'),
        status: notPersonal('subscription status'),
        trial_ends_at: notPersonal('trial end'),
        trial_refused_reason: notPersonal('which kind of trial signal matched (a code, never the value)'),
        stripe_customer_id: processorReference,
        stripe_subscription_id: processorReference,
        stripe_price_id: notPersonal('Stripe price of the plan'),
        current_period_end: notPersonal('billing period end'),
        cancel_at_period_end: notPersonal('flag'),
        stripe_state_at: notPersonal('time of the latest Stripe event applied'),
        billing_email: sealedContact('contact_details'),
        billing_email_index: personal({ ...billingRecord, category: 'contact_details', exported: false, protectedAtRest: 'keyed_hash' }),
        billing_name: sealedContact('identity'),
        vat_id: sealedContact('billing'),
        billing_address: sealedContact('contact_details'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'billing_invoices',
      description: 'Invoices copied from Stripe (tax records, 10 years)',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('workspace reference (no foreign key: outlives the workspace)'),
        stripe_invoice_id: exportedRecord,
        number: exportedRecord,
        status: exportedRecord,
        currency: exportedRecord,
        total: exportedRecord,
        amount_paid: exportedRecord,
        period_start: exportedRecord,
        period_end: exportedRecord,
        hosted_invoice_url: exportedRecord,
        issued_at: exportedRecord,
        stripe_state_at: notPersonal('time of the latest Stripe event applied'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'billing_payments',
      description: 'Payment attempts on invoices (tax records, 10 years)',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('workspace reference (no foreign key: outlives the workspace)'),
        stripe_event_id: notPersonal('Stripe event id (idempotency)'),
        stripe_invoice_id: exportedRecord,
        outcome: exportedRecord,
        currency: exportedRecord,
        amount: exportedRecord,
        occurred_at: exportedRecord,
        created_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'billing_settings',
      description: 'Platform billing credentials set by operators (one row), sealed by the vault',
      columns: {
        id: notPersonal('the single settings row'),
        stripe_webhook_secret: notPersonal('platform credential, sealed by the vault; never shown again'),
        updated_by_user_id: notPersonal('operator who last changed it (staff account, not a data subject here)'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'billing_webhook_events',
      description: 'Stripe events received, by id and type only (no payload kept), for idempotency',
      columns: {
        id: notPersonal('Stripe event id'),
        workspace_id: notPersonal('foreign key'),
        type: notPersonal('event type'),
        stripe_created: notPersonal('event time'),
        outcome: notPersonal('what was done with the event'),
        received_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'billing_usage_counters',
      description: 'Usage of metered resources per workspace and period (AI tokens, channels)',
      columns: {
        workspace_id: notPersonal('foreign key'),
        resource: notPersonal('metered resource'),
        period: notPersonal('month or "current"'),
        used: notPersonal('counter (per workspace, not per person)'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'billing_trial_signals',
      description: 'Free-trial abuse signals: keyed hashes of card fingerprint, IP, business email domain; never in clear',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        kind: notPersonal('which signal'),
        value_hash: personal({
          subject: 'billing_contact',
          category: 'security',
          purpose: 'Detect repeated free trials by the same card, network or organisation',
          legalBasis: 'legitimate_interest',
          retention: 'trial_signals',
          // Kept on erasure for the retention period (12 months): erasing must not reset a trial.
          erasure: 'retain_legal_basis',
          exported: false,
          protectedAtRest: 'keyed_hash',
        }),
        created_at: notPersonal('row timestamp'),
      },
    },
  ],
})

registerBillingSubjectData()
