import type Workspace from '#identity/models/workspace'

export interface UpdateWorkspaceInput {
  name: string
  timezone: string
}

/** Renames a workspace or changes its time zone (used for DSR deadlines). */
export default class UpdateWorkspace {
  async handle(workspace: Workspace, input: UpdateWorkspaceInput) {
    workspace.merge({ name: input.name.trim(), timezone: input.timezone })
    await workspace.save()
    return workspace
  }
}
