import { DateTime } from 'luxon'
import type Workspace from '#identity/models/workspace'
import type { Role } from '#identity/roles'
import type User from '#identity/models/user'
import RecordAnalyticsEvent, { type AnalyticsEventInput } from '#helpdesk/actions/record_analytics_event'
import Tag from '#helpdesk/models/tag'
import Team from '#helpdesk/models/team'

/**
 * Known analytics events for report tests, all on 2026-03-02 and 2026-03-03
 * (UTC) unless said otherwise. Expected figures for the whole range:
 * created 5 (email 3, chat 2), resolved 2 (3600 s, 7200 s → median 5400),
 * first responses 60/120/600 s (median 120), CSAT 5/4/2 (average 3.67,
 * 2 of 3 satisfied), messages 4.
 */
export async function seedKnownEvents(workspace: Workspace, members: Record<Role, User>) {
  const billing = await Tag.create({ workspaceId: workspace.id, name: 'billing', color: 'red' })
  const bug = await Tag.create({ workspaceId: workspace.id, name: 'bug', color: 'blue' })
  const tier2 = await Team.create({ workspaceId: workspace.id, name: 'Tier 2' })
  const ada = members.agent.id
  const olivia = members.owner.id
  const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' })
  const record = (input: Omit<AnalyticsEventInput, 'workspaceId'>) => new RecordAnalyticsEvent().handle({ workspaceId: workspace.id, ...input })

  await record({ type: 'ticket_created', channel: 'email', tagIds: [billing.id], occurredAt: at('2026-03-02T09:00') })
  await record({ type: 'ticket_created', channel: 'email', tagIds: [billing.id, bug.id], teamId: tier2.id, occurredAt: at('2026-03-02T10:00') })
  await record({ type: 'ticket_created', channel: 'email', occurredAt: at('2026-03-02T11:00') })
  await record({ type: 'ticket_created', channel: 'chat', tagIds: [bug.id], occurredAt: at('2026-03-03T09:00') })
  await record({ type: 'ticket_created', channel: 'chat', occurredAt: at('2026-03-03T10:00') })

  await record({ type: 'first_response', value: 60, agentUserId: ada, channel: 'email', tagIds: [billing.id], occurredAt: at('2026-03-02T09:01') })
  await record({ type: 'first_response', value: 120, agentUserId: ada, channel: 'email', teamId: tier2.id, tagIds: [billing.id, bug.id], occurredAt: at('2026-03-02T10:02') })
  await record({ type: 'first_response', value: 600, agentUserId: olivia, channel: 'chat', tagIds: [bug.id], occurredAt: at('2026-03-03T09:10') })

  for (const [agent, time] of [[ada, '2026-03-02T09:01'], [ada, '2026-03-02T10:02'], [olivia, '2026-03-03T09:10'], [olivia, '2026-03-03T09:30']] as const) {
    await record({ type: 'message_sent', agentUserId: agent, channel: 'email', occurredAt: at(time) })
  }

  await record({ type: 'ticket_resolved', value: 3600, agentUserId: ada, channel: 'email', tagIds: [billing.id], occurredAt: at('2026-03-02T10:00') })
  await record({ type: 'ticket_resolved', value: 7200, agentUserId: ada, channel: 'email', teamId: tier2.id, tagIds: [billing.id, bug.id], occurredAt: at('2026-03-02T12:00') })

  await record({ type: 'csat_rated', value: 5, agentUserId: ada, channel: 'email', tagIds: [billing.id], occurredAt: at('2026-03-02T15:00') })
  await record({ type: 'csat_rated', value: 4, agentUserId: ada, channel: 'email', teamId: tier2.id, tagIds: [billing.id, bug.id], occurredAt: at('2026-03-02T16:00') })
  await record({ type: 'csat_rated', value: 2, agentUserId: olivia, channel: 'chat', tagIds: [bug.id], occurredAt: at('2026-03-03T16:00') })

  // Outside the range: must not count.
  await record({ type: 'ticket_created', channel: 'email', occurredAt: at('2026-02-27T12:00') })
  await record({ type: 'csat_rated', value: 1, agentUserId: ada, occurredAt: at('2026-03-10T12:00') })

  return { billing, bug, tier2 }
}

export const KNOWN_RANGE = { from: '2026-03-01', to: '2026-03-04' }
