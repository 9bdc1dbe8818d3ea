import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The AI assistant: per-workspace provider settings (key sealed by the vault),
 * the request log (counts only, never content), ticket summaries (sealed with
 * the contact's key) and the playground's investigation threads.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('assistant_settings', (table) => {
      table.uuid('workspace_id').primary().references('workspaces.id').onDelete('CASCADE')
      table.text('anthropic_api_key').nullable()
      table.string('anthropic_key_hint', 16).nullable()
      table.string('model', 120).notNullable()
      table.boolean('redaction_enabled').notNullable().defaultTo(true)
      table.integer('monthly_token_limit').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })

    this.schema.createTable('ai_requests', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('feature', 32).notNullable()
      table.string('model', 120).notNullable()
      table.string('subprocessor', 64).notNullable()
      table.integer('input_tokens').notNullable().defaultTo(0)
      table.integer('output_tokens').notNullable().defaultTo(0)
      table.string('outcome', 32).notNullable()
      table.integer('duration_ms').notNullable().defaultTo(0)
      table.uuid('actor_user_id').nullable().references('users.id').onDelete('SET NULL')
      table.index(['actor_user_id'])
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'created_at'])
      table.index(['workspace_id', 'feature', 'created_at'])
    })

    this.schema.createTable('ticket_summaries', (table) => {
      table.uuid('id').primary()
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('ticket_id').notNullable().references('tickets.id').onDelete('CASCADE')
      table.index(['ticket_id'])
      table.uuid('contact_id').notNullable().references('contacts.id').onDelete('CASCADE')
      table.index(['contact_id'])
      table.text('summary').notNullable()
      table.integer('message_count').notNullable()
      table.string('model', 120).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['workspace_id', 'ticket_id'])
      table.index(['workspace_id', 'contact_id'])
    })

    this.schema.createTable('assistant_threads', (table) => {
      table.uuid('id').primary()
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('user_id').nullable().references('users.id').onDelete('SET NULL')
      table.index(['user_id'])
      table.text('title').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'updated_at'])
      table.index(['workspace_id', 'user_id'])
    })

    this.schema.createTable('assistant_thread_messages', (table) => {
      table.uuid('id').primary()
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('thread_id').notNullable().references('assistant_threads.id').onDelete('CASCADE')
      table.index(['thread_id'])
      table.string('role', 16).notNullable()
      table.text('content').notNullable()
      table.text('retrieval').nullable()
      table.integer('input_tokens').notNullable().defaultTo(0)
      table.integer('output_tokens').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'thread_id', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable('assistant_thread_messages')
    this.schema.dropTable('assistant_threads')
    this.schema.dropTable('ticket_summaries')
    this.schema.dropTable('ai_requests')
    this.schema.dropTable('assistant_settings')
  }
}
