import type { HttpContext } from '@adonisjs/core/http'
import HelpdeskPolicy from '#helpdesk/policies/helpdesk_policy'
import CreateTicket from '#helpdesk/actions/create_ticket'
import CreateContact from '#helpdesk/actions/create_contact'
import UpdateTicket from '#helpdesk/actions/update_ticket'
import BulkUpdateTickets from '#helpdesk/actions/bulk_update_tickets'
import db from '@adonisjs/lucid/services/db'
import Ticket from '#helpdesk/models/ticket'
import { findContactByEmail } from '#helpdesk/services/contact_lookup'
import { findInWorkspace } from '#helpdesk/services/records'
import { assertTicketsInWorkspace } from '#helpdesk/services/workspace_refs'
import { bulkTicketsValidator, createTicketValidator, updateTicketValidator } from '#helpdesk/validators/helpdesk'
import { ticketListItemDto } from '#helpdesk/presenters/tickets'
import { wantsJson, workspaceContext } from '#helpdesk/controllers/context'

export default class TicketsController {
  /** An agent opens a ticket to a contact (found by email, or created). */
  async store(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    await ctx.bouncer.with(HelpdeskPolicy).authorize('work', membership)
    const input = await ctx.request.validateUsing(createTicketValidator, { meta: { workspaceId: workspace.id } })
    const contactId =
      input.contactId ??
      (await findContactByEmail(workspace.id, input.contactEmail))?.id ??
      (await new CreateContact().handle(workspace.id, { email: input.contactEmail, name: input.contactName })).id
    const { ticket } = await new CreateTicket().handle({
      workspaceId: workspace.id,
      contactId,
      subject: input.subject,
      body: input.body,
      priority: input.priority,
      assigneeUserId: input.assigneeUserId,
      teamId: input.teamId,
      tagIds: input.tagIds,
      channel: 'email',
      actorUserId: user.id,
    })
    if (wantsJson(ctx)) return ctx.response.created({ id: ticket.id, number: ticket.number })
    ctx.session.flash('success', `Ticket #${ticket.number} created.`)
    return ctx.response.redirect(`/w/${workspace.slug}/inbox/${ticket.id}`)
  }

  /** Field edits (status, priority, assignee, team, tags, custom fields, snooze), guarded by the version the agent saw. */
  async update(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    // Another workspace's ticket is a 404 for every role, before any permission check.
    await findInWorkspace(Ticket, workspace.id, ctx.params.id, { label: 'Ticket' })
    await ctx.bouncer.with(HelpdeskPolicy).authorize('work', membership)
    const { version, ...changes } = await ctx.request.validateUsing(updateTicketValidator, { meta: { workspaceId: workspace.id } })
    const ticket = await new UpdateTicket().handle({
      workspaceId: workspace.id,
      ticketId: String(ctx.params.id),
      actorUserId: user.id,
      expectedVersion: version,
      changes,
    })
    if (wantsJson(ctx)) {
      await ticket.load((loader) => loader.load('contact').load('assignee').load('team').load('tags'))
      return { ticket: { ...ticketListItemDto(ticket), version: ticket.version, customValues: ticket.customValues ?? {} } }
    }
    ctx.session.flash('success', `#${ticket.number} updated.`)
    return ctx.response.redirect().back()
  }

  /** One change on many selected tickets. */
  async bulk(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    const input = await ctx.request.validateUsing(bulkTicketsValidator, { meta: { workspaceId: workspace.id } })
    await assertTicketsInWorkspace(db.connection(), workspace.id, input.ticketIds)
    await ctx.bouncer.with(HelpdeskPolicy).authorize('work', membership)
    const changes =
      input.action === 'assign'
        ? { assigneeUserId: input.assigneeUserId ?? null }
        : input.action === 'tag'
          ? { addTagIds: input.tagIds }
          : { status: input.status }
    const tickets = await new BulkUpdateTickets().handle({ workspaceId: workspace.id, ticketIds: input.ticketIds, actorUserId: user.id, changes })
    if (wantsJson(ctx)) return { updated: tickets.length }
    ctx.session.flash('success', `${tickets.length} ${tickets.length === 1 ? 'ticket' : 'tickets'} updated.`)
    return ctx.response.redirect().back()
  }
}
