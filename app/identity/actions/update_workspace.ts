import type Workspace from '#identity/models/workspace'
import { audit } from '#core/audit'

export interface UpdateWorkspaceInput {
  name: string
  timezone: string
}

/** Renames a workspace or changes its time zone (used for DSR deadlines). */
export default class UpdateWorkspace {
  async handle(workspace: Workspace, input: UpdateWorkspaceInput) {
    workspace.merge({ name: input.name.trim(), timezone: input.timezone })
    const changed = Object.keys(workspace.$dirty)
    await workspace.save()
    if (changed.length > 0) {
      await audit({ action: 'workspace.settings_updated', workspaceId: workspace.id, targetType: 'workspace', targetId: workspace.id, metadata: { fields: changed.join(',') } })
    }
    return workspace
  }
}
