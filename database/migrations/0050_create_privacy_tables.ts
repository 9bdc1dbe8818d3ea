import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The privacy desk: data-subject requests (workspace-level, or platform-level
 * with a NULL workspace), their trail of events, export archives, erasure
 * certificates, Art. 19 recipient tasks, per-workspace settings and the
 * platform's certificate-signing key. `key_scope` is the vault scope that
 * seals the row (a workspace id or 'platform'); the requester's email and
 * notes are sealed with the request's own subject key, shredded once an
 * erasure request is complete.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('privacy_settings', (table) => {
      table.uuid('workspace_id').primary().references('workspaces.id').onDelete('CASCADE')
      table.integer('target_days').notNullable().defaultTo(30)
      table.string('default_regime', 16).notNullable().defaultTo('gdpr')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })

    this.schema.createTable('privacy_requests', (table) => {
      table.uuid('id').primary()
      table.uuid('workspace_id').nullable().references('workspaces.id').onDelete('CASCADE')
      table.string('key_scope', 40).notNullable()
      table.string('type', 24).notNullable()
      table.string('regime', 16).notNullable()
      table.string('status', 16).notNullable()
      table.string('subject_type', 24).notNullable()
      table.uuid('requester_user_id').nullable().references('users.id').onDelete('SET NULL')
      table.index(['requester_user_id'])
      table.text('email').nullable()
      table.string('email_index', 32).nullable()
      table.text('details').nullable()
      table.string('verification_token_hash', 64).nullable()
      table.timestamp('verification_expires_at', { useTz: true }).nullable()
      table.string('verified_via', 16).nullable()
      table.timestamp('verified_at', { useTz: true }).nullable()
      table.string('status_token_hash', 64).nullable()
      table.timestamp('received_at', { useTz: true }).notNullable()
      table.timestamp('acknowledge_by', { useTz: true }).nullable()
      table.timestamp('acknowledged_at', { useTz: true }).nullable()
      table.timestamp('due_at', { useTz: true }).notNullable()
      table.timestamp('extended_due_at', { useTz: true }).nullable()
      table.text('extension_reason').nullable()
      table.uuid('assignee_user_id').nullable().references('users.id').onDelete('SET NULL')
      table.index(['assignee_user_id'])
      table.text('blocked_reason').nullable()
      table.text('rejection_reason').nullable()
      table.integer('merged_count').notNullable().defaultTo(0)
      table.timestamp('completed_at', { useTz: true }).nullable()
      table.timestamp('rejected_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'status', 'due_at'])
      table.index(['workspace_id', 'email_index', 'type'])
      table.index(['workspace_id', 'requester_user_id'])
    })

    this.schema.createTable('privacy_request_events', (table) => {
      table.uuid('id').primary()
      table.uuid('workspace_id').nullable().references('workspaces.id').onDelete('CASCADE')
      table.string('key_scope', 40).notNullable()
      table.uuid('request_id').notNullable().references('privacy_requests.id').onDelete('CASCADE')
      table.index(['request_id'])
      table.string('actor_type', 16).notNullable()
      table.uuid('actor_user_id').nullable().references('users.id').onDelete('SET NULL')
      table.index(['actor_user_id'])
      table.string('action', 40).notNullable()
      table.text('note').nullable()
      table.jsonb('metadata').notNullable().defaultTo('{}')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'request_id', 'created_at'])
    })

    this.schema.createTable('privacy_exports', (table) => {
      table.uuid('id').primary()
      table.uuid('workspace_id').nullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('request_id').notNullable().references('privacy_requests.id').onDelete('CASCADE')
      table.index(['request_id'])
      table.string('storage_key', 200).nullable()
      table.integer('size_bytes').notNullable()
      table.integer('record_count').notNullable()
      table.string('download_token_hash', 64).nullable()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('downloaded_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'request_id'])
    })

    this.schema.createTable('privacy_certificates', (table) => {
      table.uuid('id').primary()
      table.uuid('workspace_id').nullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('request_id').notNullable().references('privacy_requests.id').onDelete('CASCADE')
      table.index(['request_id'])
      table.jsonb('payload').notNullable()
      table.text('signature').notNullable()
      table.text('public_key').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'request_id'])
    })

    this.schema.createTable('privacy_recipient_tasks', (table) => {
      table.uuid('id').primary()
      table.uuid('workspace_id').nullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('request_id').notNullable().references('privacy_requests.id').onDelete('CASCADE')
      table.index(['request_id'])
      table.string('recipient_name', 120).notNullable()
      table.string('recipient_kind', 24).notNullable()
      table.string('purpose', 300).notNullable()
      table.string('status', 16).notNullable()
      table.uuid('completed_by_user_id').nullable().references('users.id').onDelete('SET NULL')
      table.index(['completed_by_user_id'])
      table.timestamp('completed_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'request_id'])
      table.index(['workspace_id', 'status'])
    })

    this.schema.createTable('privacy_signing_keys', (table) => {
      table.uuid('id').primary()
      table.text('public_key').notNullable()
      table.text('secret_key').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
    })
  }

  async down() {
    for (const table of ['privacy_signing_keys', 'privacy_recipient_tasks', 'privacy_certificates', 'privacy_exports', 'privacy_request_events', 'privacy_requests', 'privacy_settings']) {
      this.schema.dropTable(table)
    }
  }
}
