import type { HttpContext } from '@adonisjs/core/http'
import HelpdeskPolicy from '#helpdesk/policies/helpdesk_policy'
import ListTickets from '#helpdesk/actions/list_tickets'
import GetTicketConversation from '#helpdesk/actions/get_ticket_conversation'
import { inboxFiltersValidator } from '#helpdesk/validators/helpdesk'
import { ticketDetailDto, ticketListItemDtos } from '#helpdesk/presenters/tickets'
import { TICKET_CHANNELS } from '#helpdesk/models/ticket'
import { inboxChannel } from '#helpdesk/services/realtime'
import { inboxReferencesFrom, inboxReferencesSql } from '#helpdesk/services/inbox_references'
import { attachmentUrlFor, workspaceContext } from '#helpdesk/controllers/context'

/** Tickets per inbox page: a screenful for agents working down a queue. */
const INBOX_PAGE_SIZE = 50

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
    // The menus' reference lists come in the list's own round trip.
    const tickets = await new ListTickets().rows<Record<string, any>>(workspace.id, filters, {
      viewerUserId: user.id,
      page,
      perPage: INBOX_PAGE_SIZE,
      alongside: inboxReferencesSql(workspace.id),
    })
    const references = inboxReferencesFrom(tickets.alongside)
    return ctx.inertia.render('helpdesk/inbox', {
      tickets: ticketListItemDtos(tickets.rows, references),
      pagination: tickets.pagination,
      filters: { status: filters.status ?? (filters.q ? 'all' : 'open'), ...filters },
      selected: selected ? ticketDetailDto(selected, attachmentUrlFor(workspace.slug)) : null,
      ...references,
      channels: [...TICKET_CHANNELS],
      permissions: { canWork: await ctx.bouncer.with(HelpdeskPolicy).allows('work', membership), canManage: membership.canManageWorkspace },
      realtime: { channel: inboxChannel(workspace.id) },
    })
  }
}
