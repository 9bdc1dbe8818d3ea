import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Identifiers staff add to a request besides the requester's email (a phone
 * number, an id in another system), so the subject's records are found by
 * any of them. Sealed JSON with the request's key, shredded with the email.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('privacy_requests', (table) => {
      table.text('extra_identifiers').nullable()
    })
  }

  async down() {
    this.schema.alterTable('privacy_requests', (table) => {
      table.dropColumn('extra_identifiers')
    })
  }
}
