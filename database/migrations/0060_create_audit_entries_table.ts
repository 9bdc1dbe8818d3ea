import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Append-only, hash-chained audit log (one chain per workspace, plus the
 * platform chain). A trigger refuses updates and deletes, except the
 * retention purge of entries past their retention, which sets
 * `vaultdesk.audit_purge` for its own transaction.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('audit_entries', (table) => {
      table.bigIncrements('id').primary()
      table.uuid('workspace_id').nullable()
      table.bigInteger('sequence').notNullable()
      table.string('actor_type', 16).notNullable()
      table.uuid('actor_id').nullable()
      table.string('action', 64).notNullable()
      table.string('target_type', 32).nullable()
      table.string('target_id', 64).nullable()
      table.jsonb('metadata').notNullable().defaultTo('{}')
      table.string('ip_hash', 64).nullable()
      table.timestamp('occurred_at', { useTz: true }).notNullable()
      table.string('prev_hash', 64).notNullable()
      table.string('hash', 64).notNullable()
      table.index(['workspace_id', 'occurred_at'])
      table.index(['workspace_id', 'action'])
    })
    this.schema.raw(
      "CREATE UNIQUE INDEX audit_entries_chain_unique ON audit_entries (COALESCE(workspace_id, '00000000-0000-0000-0000-000000000000'::uuid), sequence)"
    )
    this.schema.raw(`
      CREATE FUNCTION audit_entries_append_only() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('vaultdesk.audit_purge', true) = 'on' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit entries are append-only';
      END;
      $$ LANGUAGE plpgsql
    `)
    this.schema.raw(`
      CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
      FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()
    `)
  }

  async down() {
    this.schema.raw('DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries')
    this.schema.raw('DROP FUNCTION IF EXISTS audit_entries_append_only()')
    this.schema.dropTable('audit_entries')
  }
}
