import db from '@adonisjs/lucid/services/db'
import { TICKET_CHANNELS } from '#helpdesk/models/ticket'

export interface Option {
  value: string
  label: string
}

export interface ReportOptions {
  channels: Option[]
  teams: Option[]
  agents: Option[]
  tags: (Option & { color: string })[]
}

const CHANNEL_LABELS: Record<string, string> = { email: 'Email', chat: 'Chat', web: 'Web form', phone: 'Phone', api: 'API' }

export function channelLabel(channel: string) {
  return CHANNEL_LABELS[channel] ?? channel
}

/**
 * Names for the filters and the by-agent / by-tag tables: the workspace's
 * members (agents), teams and tags. Ids without a name (a former member, a
 * deleted tag) are labelled as such rather than hidden.
 */
export async function reportOptions(workspaceId: string): Promise<ReportOptions> {
  const members = await db
    .from('memberships')
    .join('users', 'users.id', 'memberships.user_id')
    .where('memberships.workspace_id', workspaceId)
    .whereIn('memberships.role', ['owner', 'admin', 'agent'])
    .select('users.id', 'users.full_name')
    .orderBy('users.full_name')
  const teams = await db.from('helpdesk_teams').where('workspace_id', workspaceId).select('id', 'name').orderBy('name')
  const tags = await db.from('helpdesk_tags').where('workspace_id', workspaceId).select('id', 'name', 'color').orderBy('name')
  return {
    channels: TICKET_CHANNELS.map((channel) => ({ value: channel, label: channelLabel(channel) })),
    agents: members.map((member: { id: string; full_name: string }) => ({ value: member.id, label: member.full_name })),
    teams: teams.map((team: { id: string; name: string }) => ({ value: team.id, label: team.name })),
    tags: tags.map((tag: { id: string; name: string; color: string }) => ({ value: tag.id, label: tag.name, color: tag.color })),
  }
}

/** Agent names also for ids that are no longer members (their events stay in the figures). */
export async function agentNames(workspaceId: string, agentIds: string[], options: ReportOptions) {
  const names = new Map(options.agents.map((agent) => [agent.value, agent.label]))
  const missing = agentIds.filter((id) => !names.has(id))
  if (missing.length) {
    // Members in other roles (privacy staff) keep their names; people who left show as former members.
    const rows = await db
      .from('memberships')
      .join('users', 'users.id', 'memberships.user_id')
      .where('memberships.workspace_id', workspaceId)
      .whereIn('users.id', missing)
      .select('users.id', 'users.full_name')
    for (const row of rows) names.set(row.id, row.full_name)
  }
  return (id: string) => names.get(id) ?? 'Former member'
}
