import type { HttpContext } from '@adonisjs/core/http'
import HelpdeskPolicy from '#helpdesk/policies/helpdesk_policy'
import Incident from '#helpdesk/models/incident'
import CreateIncident from '#helpdesk/actions/create_incident'
import LinkTicketsToIncident from '#helpdesk/actions/link_tickets_to_incident'
import PostIncidentUpdate from '#helpdesk/actions/post_incident_update'
import ListTickets from '#helpdesk/actions/list_tickets'
import db from '@adonisjs/lucid/services/db'
import { findInWorkspace } from '#helpdesk/services/records'
import { assertTicketsInWorkspace } from '#helpdesk/services/workspace_refs'
import { incidentUpdateValidator, incidentValidator, linkTicketsValidator } from '#helpdesk/validators/helpdesk'
import { ticketListItemDto } from '#helpdesk/presenters/tickets'
import { wantsJson, workspaceContext } from '#helpdesk/controllers/context'

const incidentDto = (incident: Incident) => ({
  id: incident.id,
  title: incident.title,
  status: incident.status,
  ticketCount: Number(incident.$extras.tickets_count ?? 0),
  createdAt: incident.createdAt.toISO()!,
  resolvedAt: incident.resolvedAt?.toISO() ?? null,
})

/** Mass incidents: many tickets about one problem, one update for all of them. */
export default class IncidentsController {
  async index(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(HelpdeskPolicy).authorize('view', membership)
    const incidents = await Incident.query().where('workspace_id', workspace.id).withCount('tickets').orderBy('status').orderBy('created_at', 'desc').limit(200)
    return ctx.inertia.render('helpdesk/incidents/index', {
      incidents: incidents.map(incidentDto),
      canWork: await ctx.bouncer.with(HelpdeskPolicy).allows('work', membership),
    })
  }

  async show(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    await ctx.bouncer.with(HelpdeskPolicy).authorize('view', membership)
    const incident = await findInWorkspace(Incident, workspace.id, ctx.params.id, { label: 'Incident' })
    await incident.loadCount('tickets')
    const tickets = await new ListTickets().handle(workspace.id, { incidentId: incident.id, status: 'all' }, { viewerUserId: user.id, perPage: 100 })
    return ctx.inertia.render('helpdesk/incidents/show', {
      incident: incidentDto(incident),
      tickets: tickets.all().map(ticketListItemDto),
      canWork: await ctx.bouncer.with(HelpdeskPolicy).allows('work', membership),
    })
  }

  async store(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    await ctx.bouncer.with(HelpdeskPolicy).authorize('work', membership)
    const input = await ctx.request.validateUsing(incidentValidator)
    const incident = await new CreateIncident().handle({ workspaceId: workspace.id, title: input.title, ticketIds: input.ticketIds, actorUserId: user.id })
    if (wantsJson(ctx)) return ctx.response.created({ id: incident.id })
    ctx.session.flash('success', `Incident “${incident.title}” opened.`)
    return ctx.response.redirect(`/w/${workspace.slug}/incidents/${incident.id}`)
  }

  async link(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    const incident = await findInWorkspace(Incident, workspace.id, ctx.params.id, { label: 'Incident' })
    const { ticketIds } = await ctx.request.validateUsing(linkTicketsValidator)
    await assertTicketsInWorkspace(db.connection(), workspace.id, ticketIds)
    await ctx.bouncer.with(HelpdeskPolicy).authorize('work', membership)
    const { linked } = await new LinkTicketsToIncident().handle({ workspaceId: workspace.id, incidentId: incident.id, ticketIds, actorUserId: user.id })
    if (wantsJson(ctx)) return { linked }
    ctx.session.flash('success', `${linked} ${linked === 1 ? 'ticket' : 'tickets'} linked to “${incident.title}”.`)
    return ctx.response.redirect().back()
  }

  async postUpdate(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    const incident = await findInWorkspace(Incident, workspace.id, ctx.params.id, { label: 'Incident' })
    await ctx.bouncer.with(HelpdeskPolicy).authorize('work', membership)
    const input = await ctx.request.validateUsing(incidentUpdateValidator)
    const { messages } = await new PostIncidentUpdate().handle({ workspaceId: workspace.id, incidentId: incident.id, actorUserId: user.id, body: input.body, resolve: input.resolve })
    if (wantsJson(ctx)) return { sent: messages.length }
    ctx.session.flash('success', `Update sent on ${messages.length} ${messages.length === 1 ? 'ticket' : 'tickets'}.`)
    return ctx.response.redirect().back()
  }
}
