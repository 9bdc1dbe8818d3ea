import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Widget consent and AI answers: the consent purposes a widget asks for, when a
 * session was handed to a person, and which ticket messages the assistant wrote
 * (with the sources it cited), so the visitor and agents see them as AI answers.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('widgets', (table) => {
      table.jsonb('consent_purpose_keys').notNullable().defaultTo('[]')
    })
    this.schema.alterTable('widget_sessions', (table) => {
      table.timestamp('handed_off_at', { useTz: true }).nullable()
    })
    this.schema.createTable('widget_ai_answers', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('session_id').notNullable().references('widget_sessions.id').onDelete('CASCADE')
      table.uuid('message_id').notNullable().references('ticket_messages.id').onDelete('CASCADE')
      table.jsonb('sources').notNullable().defaultTo('[]')
      table.boolean('answered').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'created_at'])
      table.index(['session_id'])
      table.unique(['message_id'])
    })
  }

  async down() {
    this.schema.dropTable('widget_ai_answers')
    this.schema.alterTable('widget_sessions', (table) => table.dropColumn('handed_off_at'))
    this.schema.alterTable('widgets', (table) => table.dropColumn('consent_purpose_keys'))
  }
}
