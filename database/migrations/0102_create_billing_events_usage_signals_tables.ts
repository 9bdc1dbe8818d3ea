import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Stripe webhook events seen (by id, for idempotency; no payload kept),
 * usage counters per workspace and period, and trial-integrity signals
 * (keyed hashes only).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('billing_webhook_events', (table) => {
      table.string('id', 64).primary()
      table.uuid('workspace_id').nullable().references('workspaces.id').onDelete('SET NULL')
      table.string('type', 64).notNullable()
      table.bigInteger('stripe_created').notNullable()
      table.string('outcome', 24).notNullable()
      table.timestamp('received_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'received_at'])
    })

    this.schema.createTable('billing_usage_counters', (table) => {
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('resource', 16).notNullable()
      // 'YYYY-MM' for monthly allowances, 'current' for standing counts (channels)
      table.string('period', 8).notNullable()
      table.bigInteger('used').notNullable().defaultTo(0)
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.primary(['workspace_id', 'resource', 'period'])
    })

    this.schema.createTable('billing_trial_signals', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('kind', 24).notNullable()
      table.string('value_hash', 32).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'kind'])
      // Cross-workspace lookup is the point of a trial signal.
      table.index(['kind', 'value_hash'])
    })
  }

  async down() {
    this.schema.dropTable('billing_trial_signals')
    this.schema.dropTable('billing_usage_counters')
    this.schema.dropTable('billing_webhook_events')
  }
}
