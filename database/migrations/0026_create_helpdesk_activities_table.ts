import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Append-only record of what staff did in the helpdesk (assignment, status,
 * merges, bulk actions, incident updates). Details hold ids and enum values,
 * never content, so the governance audit log can read it as is.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('helpdesk_activities', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('actor_user_id').nullable().references('users.id').onDelete('SET NULL')
      table.string('action', 48).notNullable()
      table.uuid('ticket_id').nullable()
      table.uuid('contact_id').nullable()
      table.jsonb('details').notNullable().defaultTo('{}')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'ticket_id', 'created_at'])
      table.index(['workspace_id', 'contact_id'])
      table.index(['workspace_id', 'action', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable('helpdesk_activities')
  }
}
