import { BaseSchema } from '@adonisjs/lucid/schema'

/** Invoices and payment attempts copied from Stripe: kept 10 years (tax records). */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('billing_invoices', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      // No foreign key: tax records outlive a deleted workspace (retention rule "invoices", 10 years).
      table.uuid('workspace_id').notNullable()
      table.string('stripe_invoice_id', 64).notNullable().unique()
      table.string('number', 64).nullable()
      table.string('status', 16).notNullable()
      table.string('currency', 3).notNullable()
      table.bigInteger('total').notNullable()
      table.bigInteger('amount_paid').notNullable()
      table.timestamp('period_start', { useTz: true }).nullable()
      table.timestamp('period_end', { useTz: true }).nullable()
      table.text('hosted_invoice_url').nullable()
      table.timestamp('issued_at', { useTz: true }).notNullable()
      table.bigInteger('stripe_state_at').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'issued_at'])
    })

    this.schema.createTable('billing_payments', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      // No foreign key: tax records outlive a deleted workspace (retention rule "invoices", 10 years).
      table.uuid('workspace_id').notNullable()
      table.string('stripe_event_id', 64).notNullable().unique()
      table.string('stripe_invoice_id', 64).notNullable()
      table.string('outcome', 16).notNullable()
      table.string('currency', 3).notNullable()
      table.bigInteger('amount').notNullable()
      table.timestamp('occurred_at', { useTz: true }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'occurred_at'])
    })
  }

  async down() {
    this.schema.dropTable('billing_payments')
    this.schema.dropTable('billing_invoices')
  }
}
