import { BaseSchema } from '@adonisjs/lucid/schema'

/** Satisfaction surveys mailed after resolution: one single-use link (hashed token), a score, an optional comment. */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('csat_surveys', (table) => {
      table.uuid('id').primary()
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('ticket_id').notNullable().references('tickets.id').onDelete('CASCADE')
      table.uuid('contact_id').notNullable().references('contacts.id').onDelete('CASCADE')
      table.string('token_hash', 64).notNullable().unique()
      table.smallint('score').nullable()
      table.text('comment').nullable()
      table.timestamp('sent_at', { useTz: true }).notNullable()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('rated_at', { useTz: true }).nullable()
      table.timestamp('commented_at', { useTz: true }).nullable()
      table.index(['workspace_id', 'ticket_id'])
      table.index(['workspace_id', 'contact_id'])
    })
  }

  async down() {
    this.schema.dropTable('csat_surveys')
  }
}
