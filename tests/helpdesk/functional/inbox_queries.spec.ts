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
