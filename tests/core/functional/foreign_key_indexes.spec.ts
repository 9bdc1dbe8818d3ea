import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'

/**
 * Every foreign key must have an index leading with its first column, or each
 * cascaded delete of a parent (an erased contact, a removed user, a deleted
 * workspace) scans the whole child table once per parent row.
 */
test.group('Schema: foreign keys', () => {
  test('every foreign key column is the first column of some index', async ({ assert }) => {
    const result = await db.rawQuery(`
      select c.conrelid::regclass::text as child, a.attname as column_name, c.confrelid::regclass::text as parent
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      join pg_class t on t.oid = c.conrelid
      join pg_namespace n on n.oid = t.relnamespace
      where c.contype = 'f' and n.nspname = 'public'
        and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
      order by 1, 2`)
    const missing = result.rows.map((row: { child: string; column_name: string; parent: string }) => `${row.child}.${row.column_name} → ${row.parent}`)
    assert.deepEqual(missing, [], `foreign keys without an index leading with their column:\n${missing.join('\n')}`)
  })
})
