/**
 * Ids that point at other records of the workspace (assignee, team, tags,
 * tickets) are checked here as well as in the validators, because actions
 * are also called by the API and channels: an id from another workspace is
 * refused exactly like one that does not exist.
 */
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { Membership } from '#identity/index'
import { RecordNotFoundException, isUuid } from '#core/tenancy'
import { UserFacingError } from '#core/errors'

/** Roles that work tickets (and so may be assigned one). */
export const TICKET_WORKER_ROLES = ['owner', 'admin', 'agent'] as const

export async function assertAssignable(client: QueryClientContract, workspaceId: string, userId: string | null | undefined) {
  if (userId === null || userId === undefined) return
  const membership = isUuid(userId)
    ? await Membership.query({ client }).where('workspace_id', workspaceId).where('user_id', userId).first()
    : null
  if (!membership) throw new UserFacingError('Choose an assignee who is a member of this workspace.', 'assigneeUserId')
  if (!(TICKET_WORKER_ROLES as readonly string[]).includes(membership.role)) {
    throw new UserFacingError('Tickets can be assigned to owners, admins and agents only.', 'assigneeUserId')
  }
}

async function assertAllInWorkspace(client: QueryClientContract, table: string, workspaceId: string, ids: string[], field: string, label: string) {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return
  if (!unique.every(isUuid)) throw new UserFacingError(`Choose ${label} of this workspace.`, field)
  const rows = await client.from(table).where('workspace_id', workspaceId).whereIn('id', unique).count('* as total')
  if (Number(rows[0].total) !== unique.length) throw new UserFacingError(`Choose ${label} of this workspace.`, field)
}

export function assertTeam(client: QueryClientContract, workspaceId: string, teamId: string | null | undefined) {
  return teamId ? assertAllInWorkspace(client, 'helpdesk_teams', workspaceId, [teamId], 'teamId', 'a team') : Promise.resolve()
}

export function assertTags(client: QueryClientContract, workspaceId: string, tagIds: string[] | undefined) {
  return tagIds ? assertAllInWorkspace(client, 'helpdesk_tags', workspaceId, tagIds, 'tagIds', 'tags') : Promise.resolve()
}

/** Tickets named in a bulk action or incident link: any foreign or unknown id is a 404. */
export async function assertTicketsInWorkspace(client: QueryClientContract, workspaceId: string, ticketIds: string[]) {
  const unique = [...new Set(ticketIds)]
  if (!unique.every(isUuid)) throw new RecordNotFoundException('Ticket not found')
  const rows = await client.from('tickets').where('workspace_id', workspaceId).whereIn('id', unique).count('* as total')
  if (Number(rows[0].total) !== unique.length) throw new RecordNotFoundException('Ticket not found')
  return unique
}
