import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Email channels: connected mailboxes (Gmail, Microsoft 365, IMAP/SMTP) with
 * their vault-sealed credentials and sync state, and the thread metadata that
 * maps RFC Message-IDs to tickets (so replies thread and duplicates are
 * skipped). Message-IDs can hold addresses, so they are sealed and found
 * through a keyed blind index.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('mailbox_connections', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('provider', 16).notNullable()
      table.text('address').notNullable()
      table.string('address_index', 32).notNullable()
      table.text('credentials').nullable()
      table.text('sync_cursor').nullable()
      table.string('status', 24).notNullable().defaultTo('active')
      table.string('last_error', 300).nullable()
      table.timestamp('last_synced_at', { useTz: true }).nullable()
      table.integer('failure_count').notNullable().defaultTo(0)
      table.timestamp('next_attempt_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['workspace_id', 'address_index'])
      table.index(['status', 'next_attempt_at'])
    })
    this.schema.createTable('email_messages', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('connection_id').nullable().references('mailbox_connections.id').onDelete('SET NULL')
      table.uuid('ticket_id').nullable().references('tickets.id').onDelete('CASCADE')
      table.uuid('message_id').nullable().references('ticket_messages.id').onDelete('CASCADE')
      table.uuid('contact_id').nullable().references('contacts.id').onDelete('CASCADE')
      table.string('direction', 8).notNullable()
      table.string('status', 24).notNullable()
      table.string('provider_message_id', 255).nullable()
      table.string('provider_thread_id', 255).nullable()
      table.text('rfc_message_id').nullable()
      table.string('rfc_message_id_index', 32).nullable()
      table.string('error', 300).nullable()
      table.integer('attempts').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['connection_id', 'direction', 'provider_message_id'])
      table.index(['workspace_id', 'rfc_message_id_index'])
      table.index(['workspace_id', 'provider_thread_id'])
      table.index(['connection_id'])
      table.index(['ticket_id'])
      table.index(['message_id'])
      table.index(['contact_id'])
    })
  }

  async down() {
    this.schema.dropTable('email_messages')
    this.schema.dropTable('mailbox_connections')
  }
}
