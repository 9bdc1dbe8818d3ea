import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A workspace's custom help-center domain (help.acme.com): unique across
 * workspaces, served only once a TXT record proves the workspace controls it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('help_center_domains', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('domain', 253).notNullable().unique()
      table.string('verification_token', 64).notNullable()
      table.timestamp('verified_at', { useTz: true }).nullable()
      table.timestamp('last_checked_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['workspace_id'])
    })
  }

  async down() {
    this.schema.dropTable('help_center_domains')
  }
}
