import { DateTime } from 'luxon'
import { audit } from '#core/audit'
import { SetWorkspaceClosed } from '#identity/index'
import { UserFacingError } from '#core/errors'
import WorkspaceClosure from '#governance/models/workspace_closure'
import { ruleDefinition } from '#governance/services/retention_catalog'

/** Closes a workspace: kept (restorable) for the account-data period, then purged with its keys. */
export default class CloseWorkspace {
  async handle(input: { workspaceId: string; actorUserId: string }) {
    const open = await WorkspaceClosure.query().where('workspace_id', input.workspaceId).whereNull('restored_at').whereNull('purged_at').first()
    if (open) throw new UserFacingError('This workspace is already closed.')
    const days = ruleDefinition('account_data')!.defaultDays
    const closure = await WorkspaceClosure.create({
      workspaceId: input.workspaceId,
      closedByUserId: input.actorUserId,
      closedAt: DateTime.now(),
      purgeAfter: DateTime.now().plus({ days }),
      restoredAt: null,
      purgedAt: null,
    })
    await new SetWorkspaceClosed().handle(input.workspaceId, true)
    await audit({ action: 'workspace.closed', workspaceId: input.workspaceId, targetType: 'workspace', targetId: input.workspaceId, metadata: { purgeAfter: closure.purgeAfter.toISODate()! } })
    return closure
  }
}
