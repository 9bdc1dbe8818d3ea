import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Every foreign key gets an index that leads with its column. Without one,
 * each cascaded or SET NULL delete of a parent row (a contact erased, a user
 * removed, a workspace deleted after its retention window) scans the whole
 * child table: deleting a 100,000-ticket workspace took minutes per table.
 * Tenant queries keep their (workspace_id, ...) indexes; these serve the
 * referential actions. `tests/core/functional/foreign_key_indexes.spec.ts`
 * keeps every later table to the same rule.
 */
const FOREIGN_KEYS: [table: string, column: string][] = [
  ['invitations', 'invited_by_id'],
  ['canned_replies', 'created_by_user_id'],
  ['contact_external_ids', 'contact_id'],
  ['incidents', 'created_by_user_id'],
  ['tickets', 'contact_id'],
  ['tickets', 'assignee_user_id'],
  ['tickets', 'team_id'],
  ['tickets', 'incident_id'],
  ['ticket_tags', 'tag_id'],
  ['ticket_messages', 'ticket_id'],
  ['ticket_messages', 'contact_id'],
  ['ticket_messages', 'author_user_id'],
  ['ticket_attachments', 'ticket_id'],
  ['ticket_attachments', 'message_id'],
  ['ticket_attachments', 'contact_id'],
  ['csat_surveys', 'ticket_id'],
  ['csat_surveys', 'contact_id'],
  ['search_tokens', 'ticket_id'],
  ['search_tokens', 'message_id'],
  ['search_tokens', 'contact_id'],
  ['helpdesk_activities', 'actor_user_id'],
  ['api_clients', 'created_by_id'],
  ['api_clients', 'revoked_by_id'],
  ['api_access_tokens', 'tokenable_id'],
  ['saved_reports', 'user_id'],
]

export default class extends BaseSchema {
  async up() {
    for (const [table, column] of FOREIGN_KEYS) {
      this.schema.alterTable(table, (builder) => builder.index([column], `${table}_${column}_fk_index`))
    }
  }

  async down() {
    for (const [table, column] of FOREIGN_KEYS) {
      this.schema.alterTable(table, (builder) => builder.dropIndex([column], `${table}_${column}_fk_index`))
    }
  }
}
