import { UserFacingError } from '#core/errors'
import Team from '#helpdesk/models/team'
import { findInWorkspace } from '#helpdesk/services/records'

export interface TeamInput {
  workspaceId: string
  id?: string
  name: string
}

/** Creates or renames a team; names are unique per workspace, case-insensitively. */
export default class SaveTeam {
  async handle(input: TeamInput) {
    const name = input.name.replace(/\s+/g, ' ').trim()
    if (!name) throw new UserFacingError('Give the team a name.', 'name')
    const team = input.id ? await findInWorkspace(Team, input.workspaceId, input.id, { label: 'Team' }) : new Team()
    const clash = await Team.query().where('workspace_id', input.workspaceId).whereRaw('lower(name) = ?', [name.toLowerCase()]).first()
    if (clash && clash.id !== team.id) throw new UserFacingError(`A team named “${clash.name}” already exists.`, 'name')
    team.merge({ workspaceId: input.workspaceId, name })
    await team.save()
    return team
  }
}
