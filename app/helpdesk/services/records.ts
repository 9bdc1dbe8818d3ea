import type { LucidModel } from '@adonisjs/lucid/types/model'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { RecordNotFoundException, isUuid } from '#core/tenancy'

/**
 * `findInWorkspaceOrFail` that runs on the caller's transaction (the
 * embedded database serves one connection: a query outside an open
 * transaction would wait for it forever), optionally locking the row.
 */
export async function findInWorkspace<Model extends LucidModel>(
  model: Model,
  workspaceId: string,
  id: unknown,
  options: { label?: string; client?: QueryClientContract; forUpdate?: boolean } = {}
): Promise<InstanceType<Model>> {
  const label = options.label ?? 'Record'
  if (!isUuid(id)) throw new RecordNotFoundException(`${label} not found`)
  const query = model.query({ client: options.client }).where('workspace_id', workspaceId).where(model.primaryKey, id)
  if (options.forUpdate) query.forUpdate()
  const record = await query.first()
  if (!record) throw new RecordNotFoundException(`${label} not found`)
  return record as InstanceType<Model>
}
