import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * One billing account per workspace: plan, subscription state (mirrored from
 * Stripe webhooks), trial, and the billing contact (sealed in the platform
 * scope: Vaultdesk is the controller of billing data).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('billing_accounts', (table) => {
      table.uuid('id').primary()
      table.uuid('workspace_id').notNullable().unique().references('workspaces.id').onDelete('CASCADE')
      table.string('plan', 16).notNullable()
      table.string('status', 24).notNullable()
      table.timestamp('trial_ends_at', { useTz: true }).nullable()
      table.string('trial_refused_reason', 24).nullable()
      table.string('stripe_customer_id', 64).nullable().unique()
      table.string('stripe_subscription_id', 64).nullable()
      table.string('stripe_price_id', 64).nullable()
      table.timestamp('current_period_end', { useTz: true }).nullable()
      table.boolean('cancel_at_period_end').notNullable().defaultTo(false)
      // `created` of the latest Stripe event applied to the subscription: older events are ignored.
      table.bigInteger('stripe_state_at').nullable()
      table.text('billing_email').nullable()
      table.string('billing_email_index', 32).nullable()
      table.text('billing_name').nullable()
      table.text('vat_id').nullable()
      table.text('billing_address').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['billing_email_index'])
    })
  }

  async down() {
    this.schema.dropTable('billing_accounts')
  }
}
