import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Retention: per-workspace rules (defaults live in code, a row only when an
 * owner changes one), the record of every run (counts per target, the target
 * in progress as a resume cursor), legal holds that stop deletion, and
 * workspace closures (kept 90 days, restorable, then purged with their keys).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('retention_rules', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('rule_key', 48).notNullable()
      table.integer('days').notNullable()
      table.boolean('enabled').notNullable().defaultTo(true)
      table.uuid('updated_by_user_id').nullable().references('users.id').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['workspace_id', 'rule_key'])
      table.index(['updated_by_user_id'])
    })
    this.schema.createTable('retention_runs', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('trigger', 16).notNullable()
      table.string('status', 16).notNullable()
      table.jsonb('counts').notNullable().defaultTo('{}')
      table.jsonb('skipped').notNullable().defaultTo('[]')
      table.string('cursor', 64).nullable()
      table.string('error', 200).nullable()
      table.integer('attempts').notNullable().defaultTo(1)
      table.timestamp('started_at', { useTz: true }).notNullable()
      table.timestamp('finished_at', { useTz: true }).nullable()
      table.index(['workspace_id', 'started_at'])
    })
    this.schema.raw("CREATE UNIQUE INDEX retention_runs_one_open ON retention_runs (workspace_id) WHERE status IN ('running', 'interrupted')")
    this.schema.createTable('legal_holds', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('scope', 16).notNullable()
      table.uuid('target_id').nullable()
      table.text('reason').notNullable()
      table.uuid('placed_by_user_id').nullable().references('users.id').onDelete('SET NULL')
      table.timestamp('placed_at', { useTz: true }).notNullable()
      table.uuid('released_by_user_id').nullable().references('users.id').onDelete('SET NULL')
      table.timestamp('released_at', { useTz: true }).nullable()
      table.text('release_reason').nullable()
      table.index(['workspace_id', 'scope', 'released_at'])
      table.index(['workspace_id', 'target_id'])
      table.index(['placed_by_user_id'])
      table.index(['released_by_user_id'])
    })
    this.schema.createTable('workspace_closures', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable()
      table.uuid('closed_by_user_id').nullable()
      table.timestamp('closed_at', { useTz: true }).notNullable()
      table.timestamp('purge_after', { useTz: true }).notNullable()
      table.timestamp('restored_at', { useTz: true }).nullable()
      table.timestamp('purged_at', { useTz: true }).nullable()
      table.index(['workspace_id', 'closed_at'])
    })
    this.schema.raw('CREATE UNIQUE INDEX workspace_closures_one_open ON workspace_closures (workspace_id) WHERE restored_at IS NULL AND purged_at IS NULL')
    // Retention deletes a batch of tickets' analytics events (no foreign key, so no FK index) by ticket id.
    this.schema.raw('CREATE INDEX analytics_events_workspace_ticket ON analytics_events (workspace_id, ticket_id)')
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS analytics_events_workspace_ticket')
    this.schema.dropTable('workspace_closures')
    this.schema.dropTable('legal_holds')
    this.schema.dropTable('retention_runs')
    this.schema.dropTable('retention_rules')
  }
}
