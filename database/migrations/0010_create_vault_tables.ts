import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The vault's key hierarchy (docs/vault.md). Key scopes are a workspace
 * (`workspace_id`) or the platform (`workspace_id` NULL, for workspace users
 * who belong to no single workspace). There is deliberately no foreign key to
 * `workspaces`: key records and their destruction must outlive the workspace
 * row, and the vault sits below identity.
 */
export default class extends BaseSchema {
  async up() {
    // Workspace data keys (DEKs, versioned) and blind-index keys, wrapped by the KEK.
    this.schema.createTable('vault_keys', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').nullable()
      table.string('purpose', 16).notNullable()
      table.integer('version').notNullable()
      table.integer('kek_version').notNullable()
      table.text('wrapped_key').nullable()
      table.string('status', 16).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('retired_at', { useTz: true }).nullable()
      table.timestamp('destroyed_at', { useTz: true }).nullable()
    })
    this.schema.raw(
      'CREATE UNIQUE INDEX vault_keys_scope_version ON vault_keys (workspace_id, purpose, version) NULLS NOT DISTINCT'
    )
    this.schema.raw(
      `CREATE UNIQUE INDEX vault_keys_one_active ON vault_keys (workspace_id, purpose) NULLS NOT DISTINCT WHERE status = 'active'`
    )

    // One key per data subject (contact, workspace user), wrapped by the scope's DEK.
    this.schema.createTable('vault_subject_keys', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').nullable()
      table.string('subject_type', 32).notNullable()
      table.string('subject_id', 64).notNullable()
      table.integer('version').notNullable().defaultTo(1)
      table.integer('dek_version').notNullable()
      table.text('wrapped_key').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('destroyed_at', { useTz: true }).nullable()
    })
    this.schema.raw(
      'CREATE UNIQUE INDEX vault_subject_keys_subject ON vault_subject_keys (workspace_id, subject_type, subject_id) NULLS NOT DISTINCT'
    )
    this.schema.raw('CREATE INDEX vault_subject_keys_dek ON vault_subject_keys (workspace_id, dek_version)')

    // DEK rotations (re-encryption progress, resumable) and KEK rewraps.
    this.schema.createTable('vault_key_rotations', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').nullable()
      table.string('kind', 8).notNullable()
      table.integer('from_version').notNullable()
      table.integer('to_version').notNullable()
      table.string('status', 16).notNullable()
      table.integer('processed').notNullable().defaultTo(0)
      table.integer('total').notNullable().defaultTo(0)
      table.jsonb('cursor').nullable()
      table.string('error', 500).nullable()
      table.timestamp('started_at', { useTz: true }).nullable()
      table.timestamp('finished_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'created_at'])
    })

    // Key-destruction ledger; the JSON-lines file at VAULT_LEDGER_PATH is the copy that survives a restore.
    this.schema.createTable('vault_key_destructions', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.integer('sequence').notNullable()
      table.uuid('workspace_id').nullable()
      table.string('target', 16).notNullable()
      table.string('subject_type', 32).nullable()
      table.string('subject_id', 64).nullable()
      table.string('reason', 64).notNullable()
      table.timestamp('destroyed_at', { useTz: true }).notNullable()
      table.string('prev_hash', 64).notNullable()
      table.string('entry_hash', 64).notNullable().unique()
      table.index(['workspace_id', 'destroyed_at'])
    })
  }

  async down() {
    this.schema.dropTable('vault_key_destructions')
    this.schema.dropTable('vault_key_rotations')
    this.schema.dropTable('vault_subject_keys')
    this.schema.dropTable('vault_keys')
  }
}
