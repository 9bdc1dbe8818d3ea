import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit'
import { DestroyWorkspaceKeys } from '#vault/index'
import WorkspaceClosure from '#governance/models/workspace_closure'
import { activeHolds } from '#governance/services/legal_holds'

/**
 * After the restore window: destroys the workspace's keys first (so any row
 * or backup left anywhere is unreadable), then deletes the workspace, whose
 * rows go by ON DELETE CASCADE, and its audit chain. A workspace under a
 * legal hold is kept until the hold is released.
 */
export default class PurgeClosedWorkspaces {
  async handle(now = DateTime.now()) {
    const due = await WorkspaceClosure.query().whereNull('restored_at').whereNull('purged_at').where('purge_after', '<=', now.toJSDate())
    const purged: string[] = []
    for (const closure of due) {
      if ((await activeHolds(closure.workspaceId)).workspace) continue
      await new DestroyWorkspaceKeys().handle(closure.workspaceId, 'workspace_closed')
      await db.transaction(async (trx) => {
        await trx.rawQuery("SELECT set_config('vaultdesk.workspace_purge', 'on', true), set_config('vaultdesk.audit_purge', 'on', true)")
        await trx.from('audit_entries').where('workspace_id', closure.workspaceId).delete()
        await trx.from('workspaces').where('id', closure.workspaceId).delete()
        await trx.rawQuery("SELECT set_config('vaultdesk.workspace_purge', 'off', true), set_config('vaultdesk.audit_purge', 'off', true)")
        await trx.from('workspace_closures').where('id', closure.id).update({ purged_at: now.toJSDate() })
      })
      await audit({ action: 'workspace.purged', workspaceId: null, targetType: 'workspace', targetId: closure.workspaceId, actor: { type: 'system', id: null } })
      purged.push(closure.workspaceId)
    }
    return purged
  }
}
