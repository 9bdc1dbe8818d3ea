import { DateTime } from 'luxon'
import { audit } from '#core/audit'
import { SetWorkspaceClosed } from '#identity/index'
import { UserFacingError } from '#core/errors'
import WorkspaceClosure from '#governance/models/workspace_closure'

/** Restores a closed workspace inside its window. */
export default class RestoreWorkspace {
  async handle(input: { workspaceId: string; actorUserId: string }) {
    const closure = await WorkspaceClosure.query().where('workspace_id', input.workspaceId).whereNull('restored_at').whereNull('purged_at').first()
    if (!closure) throw new UserFacingError('This workspace is not closed.')
    if (closure.purgeAfter < DateTime.now()) throw new UserFacingError('The restore window is over: the workspace is being deleted.')
    closure.restoredAt = DateTime.now()
    await closure.save()
    await new SetWorkspaceClosed().handle(input.workspaceId, false)
    await audit({ action: 'workspace.restored', workspaceId: input.workspaceId, targetType: 'workspace', targetId: input.workspaceId })
    return closure
  }
}
