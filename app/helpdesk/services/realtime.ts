/**
 * Live inbox updates over server-sent events (@adonisjs/transmit). One
 * private channel per workspace; only its members may subscribe. Events
 * carry ids and numbers, never content: the page reloads what it shows
 * through its own authorised request, so nothing personal travels through
 * the broadcast bus (in memory here, Redis when several processes run).
 */
import transmit from '@adonisjs/transmit/services/main'
import type { HttpContext } from '@adonisjs/core/http'
import { Membership } from '#identity/index'
import { isUuid } from '#core/tenancy'

export const INBOX_CHANNEL_PATTERN = 'helpdesk/workspaces/:workspaceId'

export function inboxChannel(workspaceId: string) {
  return `helpdesk/workspaces/${workspaceId}`
}

export type InboxEvent =
  | { type: 'ticket.created'; ticketId: string; number: number }
  | { type: 'ticket.updated'; ticketId: string; number: number; version: number }
  | { type: 'message.created'; ticketId: string; number: number; messageId: string; kind: string }
  | { type: 'tickets.bulk_updated'; ticketIds: string[] }

export function broadcastInboxEvent(workspaceId: string, event: InboxEvent) {
  transmit.broadcast(inboxChannel(workspaceId), event)
}

/** Members of the workspace (every role) may listen to its inbox channel. */
export async function mayListenToInbox(ctx: HttpContext, workspaceId: string) {
  const user = ctx.auth?.user
  if (!user || !isUuid(workspaceId)) return false
  const membership = await Membership.query().where('workspace_id', workspaceId).where('user_id', user.id).first()
  return Boolean(membership)
}

/** Registers the channel authorisation (called once, from start/routes.ts). */
export function authorizeInboxChannels() {
  transmit.authorize<{ workspaceId: string }>(INBOX_CHANNEL_PATTERN, (ctx, { workspaceId }) => mayListenToInbox(ctx, workspaceId))
}
