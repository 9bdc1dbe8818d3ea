import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { contactWritesIn, helpdeskGroup, helpdeskWorkspace } from '#tests/helpdesk/fixtures'

/** Every SQL statement the app sends while `run` is in flight. */
async function statementsDuring(run: () => Promise<unknown>) {
  const knex = db.connection().getWriteClient()
  const statements: string[] = []
  const listener = (query: { sql: string }) => statements.push(query.sql)
  knex.on('query', listener)
  try {
    await run()
  } finally {
    knex.removeListener('query', listener)
  }
  return statements
}

test.group('Inbox: queries per request', (group) => {
  helpdeskGroup(group)

  test('the inbox list costs a fixed number of queries, however many tickets are on the page', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    for (let index = 0; index < 3; index++) await contactWritesIn(workspace.id, { subject: `Ticket ${index}` })
    // The first visit also records the agent's last workspace; measure from the second.
    await client.get(`${base}/inbox`).loginAs(members.agent).withInertia()
    const few = await statementsDuring(() => client.get(`${base}/inbox`).loginAs(members.agent).withInertia())
    for (let index = 0; index < 12; index++) await contactWritesIn(workspace.id, { subject: `More ${index}` })
    const many = await statementsDuring(() => client.get(`${base}/inbox`).loginAs(members.agent).withInertia())
    assert.equal(many.length, few.length, 'no query per ticket')
    // The user with their memberships and workspaces; the list with its total, contacts, tag ids and the menus' reference lists.
    assert.isAtMost(many.length, 2, many.join('\n'))
  })
})

test.group('Inbox: prepared list statement', (group) => {
  helpdeskGroup(group)

  test('the list is a named statement, planned once per connection and reused', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    await contactWritesIn(workspace.id, { subject: 'Prepared' })
    const prepared = async () =>
      (await db.rawQuery(`SELECT name FROM pg_prepared_statements WHERE name LIKE 'inbox_list_%' ORDER BY name`)).rows.map((row: { name: string }) => row.name)
    // A filter combination no other test uses, so its statement is new on this connection.
    const url = `${base}/inbox?status=all&priority=normal&channel=email&assignee=unassigned`
    const before = await prepared()
    const first = await client.get(url).loginAs(members.agent).withInertia()
    first.assertStatus(200)
    assert.lengthOf(first.body().props.tickets, 1)
    const afterFirst = await prepared()
    await client.get(url).loginAs(members.agent).withInertia()
    const afterSecond = await prepared()
    await client.get(`${base}/inbox?q=Prepared`).loginAs(members.agent).withInertia()
    const afterSearch = await prepared()
    // The tests' global transaction holds one connection: every visit ran on it. (On the embedded
    // database the name carries the client's tag, database/pglite.ts; the LIKE above matches it.)
    assert.lengthOf(afterFirst, before.length + 1, 'the list ran as a named statement')
    assert.deepEqual(afterSecond, afterFirst, 'the same filters reuse it')
    assert.deepEqual(afterSearch, afterSecond, 'a search (its text varies with its words) runs unnamed')
  })
})
