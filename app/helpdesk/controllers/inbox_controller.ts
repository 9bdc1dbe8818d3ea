import type { HttpContext } from '@adonisjs/core/http'
import { Membership } from '#identity/index'
import { paginationDto } from '#core/pagination'
import HelpdeskPolicy from '#helpdesk/policies/helpdesk_policy'
import ListTickets from '#helpdesk/actions/list_tickets'
import GetTicketConversation from '#helpdesk/actions/get_ticket_conversation'
import { inboxFiltersValidator } from '#helpdesk/validators/helpdesk'
import { ticketDetailDto, ticketListItemDto } from '#helpdesk/presenters/tickets'
import { cannedReplyRefDto, customFieldDto, tagDto, teamDto } from '#helpdesk/presenters/settings'
import Tag from '#helpdesk/models/tag'
import Team from '#helpdesk/models/team'
import CustomField from '#helpdesk/models/custom_field'
import CannedReply from '#helpdesk/models/canned_reply'
import Incident from '#helpdesk/models/incident'
import { TICKET_CHANNELS } from '#helpdesk/models/ticket'
import { inboxChannel } from '#helpdesk/services/realtime'
import { TICKET_WORKER_ROLES } from '#helpdesk/services/workspace_refs'
import { attachmentUrlFor, workspaceContext } from '#helpdesk/controllers/context'

/** The agent's inbox: the ticket list with filters and search, and the open conversation. */
export default class InboxController {
  index(ctx: HttpContext) {
    return this.#render(ctx, null)
  }

  show(ctx: HttpContext) {
    return this.#render(ctx, String(ctx.params.id))
  }

  async #render(ctx: HttpContext, ticketId: string | null) {
    const { workspace, membership, user } = workspaceContext(ctx)
    await ctx.bouncer.with(HelpdeskPolicy).authorize('view', membership)
    // A selected ticket of another workspace is a 404 before anything else is read.
    const selected = ticketId ? await new GetTicketConversation().handle(workspace.id, ticketId) : null
    const { page, ...filters } = await inboxFiltersValidator.validate(ctx.request.qs())
    const tickets = await new ListTickets().handle(workspace.id, filters, { viewerUserId: user.id, page })
    // One query after another: the embedded database serves a single connection anyway.
    const tags = await Tag.query().where('workspace_id', workspace.id).orderBy('name')
    const teams = await Team.query().where('workspace_id', workspace.id).orderBy('name')
    const fields = await CustomField.query().where('workspace_id', workspace.id).orderBy('position')
    const replies = await CannedReply.query().where('workspace_id', workspace.id).orderBy('title')
    const agents = await Membership.query().where('workspace_id', workspace.id).whereIn('role', [...TICKET_WORKER_ROLES]).preload('user')
    const incidents = await Incident.query().where('workspace_id', workspace.id).where('status', 'open').orderBy('created_at', 'desc').limit(50)
    return ctx.inertia.render('helpdesk/inbox', {
      tickets: tickets.all().map(ticketListItemDto),
      pagination: paginationDto(tickets),
      filters: { status: filters.status ?? (filters.q ? 'all' : 'open'), ...filters },
      selected: selected ? ticketDetailDto(selected, attachmentUrlFor(workspace.slug)) : null,
      tags: tags.map(tagDto),
      teams: teams.map(teamDto),
      customFields: fields.map(customFieldDto),
      cannedReplies: replies.map(cannedReplyRefDto),
      agents: agents.map((member) => ({ id: member.userId, name: member.user.fullName })).sort((a, b) => a.name.localeCompare(b.name)),
      incidents: incidents.map((incident) => ({ id: incident.id, title: incident.title })),
      channels: [...TICKET_CHANNELS],
      permissions: { canWork: await ctx.bouncer.with(HelpdeskPolicy).allows('work', membership), canManage: membership.canManageWorkspace },
      realtime: { channel: inboxChannel(workspace.id) },
    })
  }
}
