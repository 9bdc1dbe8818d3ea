/**
 * VineJS `exists` rules that keep foreign keys inside the current workspace
 * (meta.workspaceId): an id of another workspace is refused like an unknown one.
 */
import type { Database } from '@adonisjs/lucid/database'
import type { FieldContext } from '@vinejs/vine/types'
import { TICKET_WORKER_ROLES } from '#helpdesk/services/workspace_refs'

export type WorkspaceMeta = { workspaceId: string }

export const inWorkspace = (table: string) => async (db: Database, value: unknown, field: FieldContext) =>
  Boolean(await db.from(table).where('workspace_id', field.meta.workspaceId).where('id', String(value)).first())

/** A member of the workspace whose role may work tickets. */
export const ticketWorker = async (db: Database, value: unknown, field: FieldContext) =>
  Boolean(
    await db
      .from('memberships')
      .where('workspace_id', field.meta.workspaceId)
      .where('user_id', String(value))
      .whereIn('role', [...TICKET_WORKER_ROLES])
      .first()
  )
