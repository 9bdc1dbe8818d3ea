import db from '@adonisjs/lucid/services/db'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import Membership from '#identity/models/membership'
import Workspace from '#identity/models/workspace'
import type User from '#identity/models/user'
import { MEMBERSHIPS_WITH_USER } from '#identity/services/memberships_sql'

/**
 * The signed-in user's memberships with their workspaces, read once per
 * request: the workspace middleware resolves the current workspace from them
 * and the shared page props list them in the switcher. The session's user
 * provider reads them in the user's own query (`MEMBERSHIPS_WITH_USER`), so
 * a page costs no extra round trip for them; otherwise one query here. Kept
 * per request (`scope` is the HttpContext), never across requests.
 */
const loaded = new WeakMap<object, { userId: string; memberships: Promise<Membership[]> }>()

export function membershipsOf(user: User, scope: object): Promise<Membership[]> {
  const cached = loaded.get(scope)
  if (cached && cached.userId === user.id) return cached.memberships
  const rows = user.$extras.memberships_json as Record<string, any>[] | undefined
  const memberships = rows ? Promise.resolve(rows.map(membershipFromJson)) : queryMemberships(user.id)
  loaded.set(scope, { userId: user.id, memberships })
  return memberships
}

async function queryMemberships(userId: string) {
  const result = await db.rawQuery(`SELECT ${MEMBERSHIPS_WITH_USER} FROM users WHERE users.id = ?`, [userId])
  return ((result.rows[0]?.memberships_json ?? []) as Record<string, any>[]).map(membershipFromJson)
}

function membershipFromJson({ workspace, ...membership }: Record<string, any>) {
  const model = Membership.$createFromAdapterResult(withDates(Membership, membership))!
  model.$setRelated('workspace', Workspace.$createFromAdapterResult(withDates(Workspace, workspace))!)
  return model
}

/** JSON carries timestamps as ISO strings; the models' date-time columns take Date objects. */
function withDates(Model: LucidModel, row: Record<string, any>) {
  for (const column of Model.$columnsDefinitions.values()) {
    const value = row[column.columnName]
    if (column.meta?.type === 'datetime' && typeof value === 'string') row[column.columnName] = new Date(value)
  }
  return row
}
