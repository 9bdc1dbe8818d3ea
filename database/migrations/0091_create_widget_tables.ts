import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Embed widget: per-workspace widget settings (the identity secret sealed by
 * the vault) and visitor sessions. A session is found by a keyed hash of its
 * bearer token; it stores no IP, only the contact and ticket it led to.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('widgets', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('name', 80).notNullable()
      table.string('color', 7).notNullable()
      table.string('greeting', 300).notNullable()
      table.jsonb('allowed_origins').notNullable().defaultTo('[]')
      table.boolean('ai_enabled').notNullable().defaultTo(false)
      table.text('identity_secret').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['workspace_id'])
    })
    this.schema.createTable('widget_sessions', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('widget_id').notNullable().references('widgets.id').onDelete('CASCADE')
      table.string('token_hash', 64).notNullable().unique()
      table.string('origin', 255).notNullable()
      table.uuid('contact_id').nullable().references('contacts.id').onDelete('CASCADE')
      table.uuid('ticket_id').nullable().references('tickets.id').onDelete('SET NULL')
      table.boolean('identity_verified').notNullable().defaultTo(false)
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'expires_at'])
      table.index(['widget_id'])
      table.index(['contact_id'])
      table.index(['ticket_id'])
    })
  }

  async down() {
    this.schema.dropTable('widget_sessions')
    this.schema.dropTable('widgets')
  }
}
