import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A request filed from the chat widget by a visitor the site signed in
 * (HMAC identity) names the contact it is about: such a contact may have no
 * email address to find them by. No foreign key: the privacy desk does not
 * hard-code the helpdesk's tables, and the id is cleared at erasure.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('privacy_requests', (table) => {
      table.uuid('subject_contact_id').nullable()
      table.index(['workspace_id', 'subject_contact_id', 'type'])
    })
  }

  async down() {
    this.schema.alterTable('privacy_requests', (table) => {
      table.dropIndex(['workspace_id', 'subject_contact_id', 'type'])
      table.dropColumn('subject_contact_id')
    })
  }
}
