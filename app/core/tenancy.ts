/**
 * Workspace scoping shared by every tenant model: queries go through
 * `forWorkspace`, and lookups by id answer 404 for ids of other workspaces
 * (or malformed ids) exactly as for ids that do not exist.
 */
import { scope } from '@adonisjs/lucid/orm'
import type { LucidModel, ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { Exception } from '@adonisjs/core/exceptions'

export interface WorkspaceRef {
  id: string
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value)
}

/** The `forWorkspace` query scope for a model that has a `workspace_id` column. */
export function workspaceScope<Model extends LucidModel>() {
  return scope<Model, (query: ModelQueryBuilderContract<Model>, workspace: WorkspaceRef) => void>(
    (query, workspace) => {
      query.where(`${query.model.table}.workspace_id`, workspace.id)
    }
  )
}

export class RecordNotFoundException extends Exception {
  static status = 404
  static code = 'E_RECORD_NOT_FOUND'
}

/** Finds a record of the workspace by id, or throws a 404 that reveals nothing. */
export async function findInWorkspaceOrFail<Model extends LucidModel>(
  model: Model,
  workspace: WorkspaceRef,
  id: unknown,
  label = 'Record',
  /** Inside a transaction, pass it: the embedded database has one connection, so a query outside it would wait forever. */
  client?: QueryClientContract
): Promise<InstanceType<Model>> {
  if (!isUuid(id)) throw new RecordNotFoundException(`${label} not found`)
  const record = await model.query(client ? { client } : {}).where('workspace_id', workspace.id).where(model.primaryKey, id).first()
  if (!record) throw new RecordNotFoundException(`${label} not found`)
  return record as InstanceType<Model>
}
