import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * What admins define for their helpdesk: workspace settings (CSAT, the
 * ticket-number counter), teams, tags, custom fields and canned replies.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('helpdesk_settings', (table) => {
      table.uuid('workspace_id').primary().references('workspaces.id').onDelete('CASCADE')
      table.integer('last_ticket_number').notNullable().defaultTo(0)
      table.boolean('csat_enabled').notNullable().defaultTo(true)
      table.string('csat_question', 200).nullable()
      table.integer('csat_link_days').notNullable().defaultTo(7)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })

    this.schema.createTable('helpdesk_teams', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('name', 80).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw('CREATE UNIQUE INDEX helpdesk_teams_name_unique ON helpdesk_teams (workspace_id, lower(name))')

    this.schema.createTable('helpdesk_tags', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('name', 40).notNullable()
      table.string('color', 16).notNullable().defaultTo('gray')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw('CREATE UNIQUE INDEX helpdesk_tags_name_unique ON helpdesk_tags (workspace_id, lower(name))')

    this.schema.createTable('helpdesk_custom_fields', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('key', 48).notNullable()
      table.string('label', 80).notNullable()
      table.string('type', 16).notNullable()
      table.jsonb('options').nullable()
      table.boolean('required').notNullable().defaultTo(false)
      table.integer('position').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['workspace_id', 'key'])
    })

    this.schema.createTable('canned_replies', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('title', 120).notNullable()
      table.text('body').notNullable()
      table.uuid('created_by_user_id').nullable().references('users.id').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'title'])
    })
  }

  async down() {
    this.schema.dropTable('canned_replies')
    this.schema.dropTable('helpdesk_custom_fields')
    this.schema.dropTable('helpdesk_tags')
    this.schema.dropTable('helpdesk_teams')
    this.schema.dropTable('helpdesk_settings')
  }
}
