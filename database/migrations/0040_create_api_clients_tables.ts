import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * API access for a workspace (not a user): one API client per token. The
 * access tokens table has the columns @adonisjs/auth's DbAccessTokensProvider
 * reads, plus workspace_id; only the SHA-256 hash of a secret is stored.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('api_clients', (table) => {
      table.uuid('id').primary()
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.text('name').notNullable()
      table.string('token_last_four', 4).notNullable()
      table.integer('requests_per_minute').notNullable().defaultTo(600)
      table.uuid('created_by_id').nullable().references('users.id').onDelete('SET NULL')
      table.timestamp('revoked_at', { useTz: true }).nullable()
      table.uuid('revoked_by_id').nullable().references('users.id').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'created_at'])
    })

    this.schema.createTable('api_access_tokens', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('tokenable_id').notNullable().references('api_clients.id').onDelete('CASCADE')
      table.string('type', 32).notNullable()
      table.string('name').nullable()
      table.string('hash', 64).notNullable()
      table.text('abilities').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.timestamp('last_used_at', { useTz: true }).nullable()
      table.timestamp('expires_at', { useTz: true }).nullable()
      table.index(['workspace_id', 'tokenable_id'])
    })
  }

  async down() {
    this.schema.dropTable('api_access_tokens')
    this.schema.dropTable('api_clients')
  }
}
