import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Consent ledger: purposes a workspace asks consent for, each text version
 * (with the SHA-256 of the exact words shown), and append-only events. A
 * trigger refuses every update and delete of events: the ledger is proof.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('consent_purposes', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('key', 48).notNullable()
      table.string('name', 120).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['workspace_id', 'key'])
    })
    this.schema.createTable('consent_purpose_versions', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('purpose_id').notNullable().references('consent_purposes.id').onDelete('CASCADE')
      table.integer('version').notNullable()
      table.text('text').notNullable()
      table.string('text_hash', 64).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.unique(['purpose_id', 'version'])
      table.index(['workspace_id', 'text_hash'])
    })
    this.schema.createTable('consent_events', (table) => {
      table.bigIncrements('id').primary()
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('subject_type', 16).notNullable()
      table.string('subject_id', 64).notNullable()
      table.uuid('purpose_id').notNullable().references('consent_purposes.id').onDelete('CASCADE')
      table.uuid('purpose_version_id').nullable().references('consent_purpose_versions.id').onDelete('CASCADE')
      table.string('decision', 16).notNullable()
      table.string('text_hash', 64).nullable()
      table.string('channel', 24).notNullable()
      table.boolean('gpc').notNullable().defaultTo(false)
      table.string('ip_hash', 64).nullable()
      table.timestamp('occurred_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'subject_type', 'subject_id', 'occurred_at'])
      table.index(['workspace_id', 'purpose_id', 'occurred_at'])
      table.index(['purpose_id'])
      table.index(['purpose_version_id'])
    })
    this.schema.raw(`
      CREATE FUNCTION consent_events_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'consent events are append-only';
      END;
      $$ LANGUAGE plpgsql
    `)
    // Updates are always refused; deletes only inside a workspace purge (the closure window is over), which sets
    // `vaultdesk.workspace_purge` for its own transaction so the CASCADE from workspaces can remove the ledger.
    this.schema.raw(`
      CREATE TRIGGER consent_events_append_only BEFORE UPDATE ON consent_events
      FOR EACH ROW EXECUTE FUNCTION consent_events_append_only()
    `)
    this.schema.raw(`
      CREATE FUNCTION consent_events_no_delete() RETURNS trigger AS $$
      BEGIN
        IF current_setting('vaultdesk.workspace_purge', true) = 'on' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'consent events are append-only';
      END;
      $$ LANGUAGE plpgsql
    `)
    this.schema.raw(`
      CREATE TRIGGER consent_events_no_delete BEFORE DELETE ON consent_events
      FOR EACH ROW EXECUTE FUNCTION consent_events_no_delete()
    `)
  }

  async down() {
    this.schema.raw('DROP TRIGGER IF EXISTS consent_events_no_delete ON consent_events')
    this.schema.raw('DROP TRIGGER IF EXISTS consent_events_append_only ON consent_events')
    this.schema.raw('DROP FUNCTION IF EXISTS consent_events_no_delete()')
    this.schema.raw('DROP FUNCTION IF EXISTS consent_events_append_only()')
    this.schema.dropTable('consent_events')
    this.schema.dropTable('consent_purpose_versions')
    this.schema.dropTable('consent_purposes')
  }
}
