import { BaseSchema } from '@adonisjs/lucid/schema'

/** Report filters a user saved under a name (the name is encrypted: free text). */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('saved_reports', (table) => {
      table.uuid('id').primary()
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.text('name').notNullable()
      table.jsonb('filters').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'user_id', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable('saved_reports')
  }
}
