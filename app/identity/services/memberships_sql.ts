/**
 * A select-list expression over `users`: the user's memberships, each with
 * its workspace, as JSON (read by `membershipsOf`). No imports, so the auth
 * config can use it before the app has booted.
 */
export const MEMBERSHIPS_WITH_USER = `(
  SELECT coalesce(json_agg(json_build_object(
           'id', m.id, 'workspace_id', m.workspace_id, 'user_id', m.user_id, 'role', m.role,
           'created_at', m.created_at, 'updated_at', m.updated_at, 'workspace', row_to_json(w)
         ) ORDER BY m.created_at), '[]'::json)
    FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
   WHERE m.user_id = users.id
) AS memberships_json`
