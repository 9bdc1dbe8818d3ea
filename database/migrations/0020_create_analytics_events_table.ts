import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Helpdesk analytics events (ticket created, message sent, first response,
 * resolution, CSAT). Rows reference ids only, never content; a contact's
 * events are found and erased with the contact (derived data).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('analytics_events', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('type', 32).notNullable()
      table.uuid('ticket_id').nullable()
      table.uuid('contact_id').nullable()
      table.uuid('agent_user_id').nullable()
      table.uuid('team_id').nullable()
      table.string('channel', 32).nullable()
      table.specificType('tag_ids', 'uuid[]').nullable()
      table.double('value').nullable()
      table.timestamp('occurred_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'type', 'occurred_at'])
      table.index(['workspace_id', 'contact_id'])
    })
  }

  async down() {
    this.schema.dropTable('analytics_events')
  }
}
