import { BaseSchema } from '@adonisjs/lucid/schema'

/** Owner-approved, time-limited support access for platform operators (1–72 hours, revocable). */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('support_grants', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('granted_by_user_id').nullable().references('users.id').onDelete('SET NULL')
      table.integer('hours').notNullable()
      table.timestamp('starts_at', { useTz: true }).notNullable()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('revoked_at', { useTz: true }).nullable()
      table.uuid('revoked_by_user_id').nullable().references('users.id').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'expires_at'])
      table.index(['granted_by_user_id'])
      table.index(['revoked_by_user_id'])
    })
  }

  async down() {
    this.schema.dropTable('support_grants')
  }
}
