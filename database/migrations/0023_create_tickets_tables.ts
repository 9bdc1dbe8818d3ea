import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Tickets (conversations), their messages, internal notes, attachments and
 * tags, and incidents that group many tickets. Subjects, bodies, file names
 * and custom-field values are vault ciphertexts sealed with the contact's
 * key; every row carries workspace_id and contact_id so a contact's data is
 * found (and erased) by one indexed lookup per table.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('incidents', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('title', 160).notNullable()
      table.string('status', 16).notNullable().defaultTo('open')
      table.uuid('created_by_user_id').nullable().references('users.id').onDelete('SET NULL')
      table.timestamp('resolved_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'status', 'created_at'])
    })

    this.schema.createTable('tickets', (table) => {
      table.uuid('id').primary()
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.integer('number').notNullable()
      table.uuid('contact_id').notNullable().references('contacts.id').onDelete('CASCADE')
      table.text('subject').notNullable()
      table.string('status', 16).notNullable().defaultTo('open')
      table.string('priority', 16).notNullable().defaultTo('normal')
      table.string('channel', 32).notNullable().defaultTo('web')
      table.uuid('assignee_user_id').nullable().references('users.id').onDelete('SET NULL')
      table.uuid('team_id').nullable().references('helpdesk_teams.id').onDelete('SET NULL')
      table.uuid('incident_id').nullable().references('incidents.id').onDelete('SET NULL')
      table.text('custom_values').nullable()
      table.timestamp('snoozed_until', { useTz: true }).nullable()
      table.integer('version').notNullable().defaultTo(1)
      table.timestamp('first_response_at', { useTz: true }).nullable()
      table.timestamp('resolved_at', { useTz: true }).nullable()
      table.timestamp('closed_at', { useTz: true }).nullable()
      table.timestamp('last_message_at', { useTz: true }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['workspace_id', 'number'])
      table.index(['workspace_id', 'status', 'last_message_at'])
      table.index(['workspace_id', 'assignee_user_id', 'status'])
      table.index(['workspace_id', 'team_id'])
      table.index(['workspace_id', 'contact_id'])
      table.index(['workspace_id', 'incident_id'])
      table.index(['workspace_id', 'last_message_at'])
    })
    this.schema.raw("CREATE INDEX tickets_snoozed_wake ON tickets (snoozed_until) WHERE status = 'snoozed'")

    this.schema.createTable('ticket_tags', (table) => {
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('ticket_id').notNullable().references('tickets.id').onDelete('CASCADE')
      table.uuid('tag_id').notNullable().references('helpdesk_tags.id').onDelete('CASCADE')
      table.primary(['ticket_id', 'tag_id'])
      table.index(['workspace_id', 'tag_id'])
    })

    this.schema.createTable('ticket_messages', (table) => {
      table.uuid('id').primary()
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('ticket_id').notNullable().references('tickets.id').onDelete('CASCADE')
      table.uuid('contact_id').notNullable().references('contacts.id').onDelete('CASCADE')
      table.string('kind', 16).notNullable()
      table.uuid('author_user_id').nullable().references('users.id').onDelete('SET NULL')
      table.text('body').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'ticket_id', 'created_at'])
      table.index(['workspace_id', 'contact_id'])
    })

    this.schema.createTable('ticket_attachments', (table) => {
      table.uuid('id').primary()
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('ticket_id').notNullable().references('tickets.id').onDelete('CASCADE')
      table.uuid('message_id').notNullable().references('ticket_messages.id').onDelete('CASCADE')
      table.uuid('contact_id').notNullable().references('contacts.id').onDelete('CASCADE')
      table.text('filename').notNullable()
      table.string('content_type', 120).notNullable()
      table.integer('size_bytes').notNullable()
      table.string('storage_key', 200).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'message_id'])
      table.index(['workspace_id', 'contact_id'])
    })
  }

  async down() {
    this.schema.dropTable('ticket_attachments')
    this.schema.dropTable('ticket_messages')
    this.schema.dropTable('ticket_tags')
    this.schema.dropTable('tickets')
    this.schema.dropTable('incidents')
  }
}
