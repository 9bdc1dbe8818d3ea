import db from '@adonisjs/lucid/services/db'
import type { CustomFieldType } from '#helpdesk/models/custom_field'
import { TICKET_WORKER_ROLES } from '#helpdesk/services/workspace_refs'

/** Constant role names, inlined in the SQL. */
const WORKER_ROLES_SQL = TICKET_WORKER_ROLES.map((role) => `'${role}'`).join(', ')

export interface InboxReferences {
  tags: { id: string; name: string; color: string }[]
  teams: { id: string; name: string }[]
  customFields: { id: string; key: string; label: string; type: CustomFieldType; options: string[]; required: boolean }[]
  cannedReplies: { id: string; title: string }[]
  agents: { id: string; name: string }[]
  incidents: { id: string; title: string }[]
}

/**
 * Everything the inbox's menus list (tags, teams, custom fields, canned reply
 * titles, assignable agents, open incidents), in one round trip: the inbox is
 * the most requested page, and these lists are small. None of these columns
 * is encrypted (canned reply bodies are, and are not read here).
 */
export async function loadInboxReferences(workspaceId: string): Promise<InboxReferences> {
  const list = (select: string) => `coalesce((${select}), '[]'::json)`
  const result = await db.rawQuery(
    `select
      ${list(`select json_agg(json_build_object('id', id, 'name', name, 'color', color) order by name) from helpdesk_tags where workspace_id = :ws`)} as tags,
      ${list(`select json_agg(json_build_object('id', id, 'name', name) order by name) from helpdesk_teams where workspace_id = :ws`)} as teams,
      ${list(`select json_agg(json_build_object('id', id, 'key', key, 'label', label, 'type', type, 'options', coalesce(options, '[]'::jsonb), 'required', required) order by position) from helpdesk_custom_fields where workspace_id = :ws`)} as custom_fields,
      ${list(`select json_agg(json_build_object('id', id, 'title', title) order by title) from canned_replies where workspace_id = :ws`)} as canned_replies,
      ${list(`select json_agg(json_build_object('id', u.id, 'name', u.full_name) order by u.full_name) from memberships m join users u on u.id = m.user_id where m.workspace_id = :ws and m.role in (${WORKER_ROLES_SQL})`)} as agents,
      ${list(`select json_agg(json_build_object('id', id, 'title', title)) from (select id, title from incidents where workspace_id = :ws and status = 'open' order by created_at desc limit 50) open_incidents`)} as incidents`,
    { ws: workspaceId }
  )
  const row = result.rows[0]
  return {
    tags: row.tags,
    teams: row.teams,
    customFields: row.custom_fields,
    cannedReplies: row.canned_replies,
    agents: row.agents,
    incidents: row.incidents,
  }
}
