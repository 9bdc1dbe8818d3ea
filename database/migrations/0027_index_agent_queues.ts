import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * An agent's queue (their open tickets, newest activity first) is the inbox's
 * most requested list: with last_message_at in the index the page is read in
 * order, without sorting the agent's whole backlog. It replaces the index that
 * ended at status (a prefix of this one).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('tickets', (table) => {
      table.index(['workspace_id', 'assignee_user_id', 'status', 'last_message_at'], 'tickets_agent_queue_index')
      table.dropIndex(['workspace_id', 'assignee_user_id', 'status'])
    })
  }

  async down() {
    this.schema.alterTable('tickets', (table) => {
      table.index(['workspace_id', 'assignee_user_id', 'status'])
      table.dropIndex([], 'tickets_agent_queue_index')
    })
  }
}
