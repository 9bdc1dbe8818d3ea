import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Word search without plaintext: each distinct word of a ticket's subject
 * and messages is stored as a keyed hash (per-workspace key from the vault),
 * never as the word itself.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('search_tokens', (table) => {
      table.bigIncrements('id')
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('token', 32).notNullable()
      table.uuid('ticket_id').notNullable().references('tickets.id').onDelete('CASCADE')
      table.uuid('message_id').nullable().references('ticket_messages.id').onDelete('CASCADE')
      table.uuid('contact_id').notNullable().references('contacts.id').onDelete('CASCADE')
      table.index(['workspace_id', 'token'])
      table.index(['workspace_id', 'ticket_id'])
      table.index(['workspace_id', 'contact_id'])
    })
  }

  async down() {
    this.schema.dropTable('search_tokens')
  }
}
