import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * How many tickets each queue holds (workspace, status, assignee), kept
 * exact by statement-level triggers on `tickets`, so the inbox can show
 * "1–50 of 6,668" without counting thousands of index entries on every
 * page view. Every write path updates it (actions, bulk SQL, cascades from a
 * deleted workspace or user), in the writing transaction. Statement-level
 * triggers with transition tables add each statement's changes once,
 * grouped and in key order (no lock-order deadlocks within a statement).
 *
 * No foreign keys: a workspace's cascade deletes its tickets, whose trigger
 * takes its counts to zero, and rows at zero are deleted.
 */
const APPLY = (rows: string, removed: string | null) => `
  INSERT INTO ticket_queue_counts AS counts (workspace_id, status, assignee_user_id, tickets)
  SELECT workspace_id, status, assignee_user_id, sum(delta) FROM (${rows}) changes
   GROUP BY workspace_id, status, assignee_user_id
  HAVING sum(delta) <> 0
   ORDER BY workspace_id, status, assignee_user_id
      ON CONFLICT (workspace_id, status, assignee_user_id) DO UPDATE SET tickets = counts.tickets + EXCLUDED.tickets;
  ${removed ? `DELETE FROM ticket_queue_counts WHERE tickets = 0 AND workspace_id IN (SELECT workspace_id FROM ${removed});` : ''}`

const FUNCTIONS = {
  ticket_queue_counts_inserted: APPLY('SELECT workspace_id, status, assignee_user_id, 1 AS delta FROM new_rows', null),
  ticket_queue_counts_deleted: APPLY('SELECT workspace_id, status, assignee_user_id, -1 AS delta FROM old_rows', 'old_rows'),
  ticket_queue_counts_updated: APPLY(
    'SELECT workspace_id, status, assignee_user_id, -1 AS delta FROM old_rows UNION ALL SELECT workspace_id, status, assignee_user_id, 1 FROM new_rows',
    'old_rows'
  ),
}

const TRIGGERS = [
  { name: 'ticket_queue_counts_on_insert', event: 'INSERT', transition: 'NEW TABLE AS new_rows', fn: 'ticket_queue_counts_inserted' },
  { name: 'ticket_queue_counts_on_delete', event: 'DELETE', transition: 'OLD TABLE AS old_rows', fn: 'ticket_queue_counts_deleted' },
  { name: 'ticket_queue_counts_on_update', event: 'UPDATE', transition: 'OLD TABLE AS old_rows NEW TABLE AS new_rows', fn: 'ticket_queue_counts_updated' },
]

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('ticket_queue_counts', (table) => {
      table.uuid('workspace_id').notNullable()
      table.string('status', 16).notNullable()
      table.uuid('assignee_user_id').nullable()
      table.integer('tickets').notNullable()
    })
    this.schema.raw(
      'CREATE UNIQUE INDEX ticket_queue_counts_key ON ticket_queue_counts (workspace_id, status, assignee_user_id) NULLS NOT DISTINCT'
    )
    for (const [name, body] of Object.entries(FUNCTIONS)) {
      this.schema.raw(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} RETURN NULL; END $$`)
    }
    // No ticket may change between the first count and the triggers taking over.
    this.schema.raw('LOCK TABLE tickets IN SHARE ROW EXCLUSIVE MODE')
    for (const { name, event, transition, fn } of TRIGGERS) {
      this.schema.raw(`CREATE TRIGGER ${name} AFTER ${event} ON tickets REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`)
    }
    // TRUNCATE fires no delete triggers: it empties every queue at once.
    this.schema.raw('CREATE FUNCTION ticket_queue_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM ticket_queue_counts; RETURN NULL; END $$')
    this.schema.raw('CREATE TRIGGER ticket_queue_counts_on_truncate AFTER TRUNCATE ON tickets FOR EACH STATEMENT EXECUTE FUNCTION ticket_queue_counts_truncated()')
    this.schema.raw(`
      INSERT INTO ticket_queue_counts (workspace_id, status, assignee_user_id, tickets)
      SELECT workspace_id, status, assignee_user_id, count(*) FROM tickets GROUP BY workspace_id, status, assignee_user_id`)
  }

  async down() {
    for (const { name } of TRIGGERS) this.schema.raw(`DROP TRIGGER IF EXISTS ${name} ON tickets`)
    this.schema.raw('DROP TRIGGER IF EXISTS ticket_queue_counts_on_truncate ON tickets')
    for (const name of [...Object.keys(FUNCTIONS), 'ticket_queue_counts_truncated']) this.schema.raw(`DROP FUNCTION IF EXISTS ${name}()`)
    this.schema.dropTable('ticket_queue_counts')
  }
}
