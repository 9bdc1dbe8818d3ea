import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Contacts (the workspace's end users). Every personal value is a vault
 * ciphertext sealed with the contact's own key; email, phone and external
 * ids also get a blind index for equality lookups.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('contacts', (table) => {
      table.uuid('id').primary()
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.text('name').nullable()
      table.text('email').nullable()
      table.string('email_index', 32).nullable()
      table.text('phone').nullable()
      table.string('phone_index', 32).nullable()
      table.text('traits').nullable()
      table.timestamp('processing_restricted_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'created_at'])
      table.index(['workspace_id', 'phone_index'])
    })
    this.schema.raw(
      'CREATE UNIQUE INDEX contacts_email_unique ON contacts (workspace_id, email_index) WHERE email_index IS NOT NULL'
    )

    this.schema.createTable('contact_external_ids', (table) => {
      table.uuid('id').primary()
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('contact_id').notNullable().references('contacts.id').onDelete('CASCADE')
      table.string('system', 40).notNullable()
      table.text('value').notNullable()
      table.string('value_index', 32).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['workspace_id', 'system', 'value_index'])
      table.index(['workspace_id', 'contact_id'])
    })
  }

  async down() {
    this.schema.dropTable('contact_external_ids')
    this.schema.dropTable('contacts')
  }
}
