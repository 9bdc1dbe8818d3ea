import Team from '#helpdesk/models/team'
import { findInWorkspace } from '#helpdesk/services/records'

/** Deletes a team; its tickets stay, without a team. */
export default class DeleteTeam {
  async handle(workspaceId: string, teamId: string) {
    const team = await findInWorkspace(Team, workspaceId, teamId, { label: 'Team' })
    await team.delete()
    return team
  }
}
