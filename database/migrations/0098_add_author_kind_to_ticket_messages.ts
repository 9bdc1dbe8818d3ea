import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Who wrote a message when no user did: `assistant` for the chat widget's AI
 * answers, so agents and exports show them as the assistant's, not as an
 * unknown or deleted colleague's.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('ticket_messages', (table) => {
      table.string('author_kind', 16).nullable()
    })
  }

  async down() {
    this.schema.alterTable('ticket_messages', (table) => table.dropColumn('author_kind'))
  }
}
