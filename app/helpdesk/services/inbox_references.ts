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
 * is encrypted (canned reply bodies are, and are not read here). One JSON
 * expression, which the inbox list reads in its own statement.
 */
export function inboxReferencesSql(workspaceId: string) {
  const list = (select: string) => `coalesce((${select}), '[]'::json)`
  const sql = `json_build_object(
      'tags', ${list(`select json_agg(json_build_object('id', id, 'name', name, 'color', color) order by name) from helpdesk_tags where workspace_id = ?`)},
      'teams', ${list(`select json_agg(json_build_object('id', id, 'name', name) order by name) from helpdesk_teams where workspace_id = ?`)},
      'custom_fields', ${list(`select json_agg(json_build_object('id', id, 'key', key, 'label', label, 'type', type, 'options', coalesce(options, '[]'::jsonb), 'required', required) order by position) from helpdesk_custom_fields where workspace_id = ?`)},
      'canned_replies', ${list(`select json_agg(json_build_object('id', id, 'title', title) order by title) from canned_replies where workspace_id = ?`)},
      'agents', ${list(`select json_agg(json_build_object('id', u.id, 'name', u.full_name) order by u.full_name) from memberships m join users u on u.id = m.user_id where m.workspace_id = ? and m.role in (${WORKER_ROLES_SQL})`)},
      'incidents', ${list(`select json_agg(json_build_object('id', id, 'title', title)) from (select id, title from incidents where workspace_id = ? and status = 'open' order by created_at desc limit 50) open_incidents`)}
    )`
  return { sql, bindings: Array(6).fill(workspaceId) }
}

export function inboxReferencesFrom(row: Record<string, any>): InboxReferences {
  return {
    tags: row.tags,
    teams: row.teams,
    customFields: row.custom_fields,
    cannedReplies: row.canned_replies,
    agents: row.agents,
    incidents: row.incidents,
  }
}
