import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Platform registry of subprocessors (public), who wants to hear about
 * changes, objections raised by workspace owners during a notice period,
 * and privacy-policy versions with their effective dates.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('subprocessors', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.string('name', 120).notNullable()
      table.string('legal_entity', 200).notNullable()
      table.string('country', 80).notNullable()
      table.string('category', 80).notNullable()
      table.string('purpose', 300).notNullable()
      table.string('region', 80).notNullable()
      table.string('transfer_mechanism', 160).notNullable()
      table.boolean('processes_workspace_data').notNullable().defaultTo(true)
      table.timestamp('announced_at', { useTz: true }).notNullable()
      table.timestamp('effective_at', { useTz: true }).notNullable()
      table.timestamp('retired_at', { useTz: true }).nullable()
      table.uuid('created_by_user_id').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['effective_at'])
    })
    this.schema.createTable('subprocessor_subscriptions', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['workspace_id', 'user_id'])
      table.index(['user_id'])
    })
    this.schema.createTable('subprocessor_objections', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('subprocessor_id').notNullable().references('subprocessors.id').onDelete('CASCADE')
      table.uuid('user_id').nullable().references('users.id').onDelete('SET NULL')
      table.text('reason').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['workspace_id', 'subprocessor_id'])
      table.index(['subprocessor_id'])
      table.index(['user_id'])
    })
    this.schema.createTable('policy_versions', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.string('version', 32).notNullable().unique()
      table.string('title', 160).notNullable()
      table.text('summary').notNullable()
      table.text('body').notNullable()
      table.timestamp('announced_at', { useTz: true }).notNullable()
      table.timestamp('effective_at', { useTz: true }).notNullable()
      table.uuid('created_by_user_id').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['effective_at'])
    })
  }

  async down() {
    this.schema.dropTable('policy_versions')
    this.schema.dropTable('subprocessor_objections')
    this.schema.dropTable('subprocessor_subscriptions')
    this.schema.dropTable('subprocessors')
  }
}
