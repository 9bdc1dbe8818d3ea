import type { HttpContext } from '@adonisjs/core/http'
import { paginationDto } from '#core/pagination'
import HelpdeskPolicy from '#helpdesk/policies/helpdesk_policy'
import Contact from '#helpdesk/models/contact'
import ContactExternalId from '#helpdesk/models/contact_external_id'
import ListContacts from '#helpdesk/actions/list_contacts'
import ListTickets from '#helpdesk/actions/list_tickets'
import CreateContact from '#helpdesk/actions/create_contact'
import UpdateContact from '#helpdesk/actions/update_contact'
import MergeContacts from '#helpdesk/actions/merge_contacts'
import { findInWorkspace } from '#helpdesk/services/records'
import { contactValidator, mergeContactsValidator } from '#helpdesk/validators/helpdesk'
import { contactDetailDto, contactListItemDto } from '#helpdesk/presenters/contacts'
import { ticketListItemDto } from '#helpdesk/presenters/tickets'
import { wantsJson, workspaceContext } from '#helpdesk/controllers/context'

export default class ContactsController {
  async index(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(HelpdeskPolicy).authorize('view', membership)
    const q = String(ctx.request.input('q', '') ?? '').slice(0, 200)
    const page = Math.max(1, Number.parseInt(ctx.request.input('page', '1'), 10) || 1)
    const contacts = await new ListContacts().handle(workspace.id, { q }, page)
    return ctx.inertia.render('helpdesk/contacts/index', {
      contacts: contacts.all().map(contactListItemDto),
      pagination: paginationDto(contacts),
      q,
      canWork: await ctx.bouncer.with(HelpdeskPolicy).allows('work', membership),
    })
  }

  /** A contact's page: details, external ids, traits and their tickets. */
  async show(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    await ctx.bouncer.with(HelpdeskPolicy).authorize('view', membership)
    const contact = await findInWorkspace(Contact, workspace.id, ctx.params.id, { label: 'Contact' })
    await contact.loadCount('tickets')
    const externalIds = await ContactExternalId.query().where('workspace_id', workspace.id).where('contact_id', contact.id).orderBy('system')
    const page = Math.max(1, Number.parseInt(ctx.request.input('page', '1'), 10) || 1)
    const tickets = await new ListTickets().handle(workspace.id, { contactId: contact.id, status: 'all' }, { viewerUserId: user.id, page })
    return ctx.inertia.render('helpdesk/contacts/show', {
      contact: contactDetailDto(contact, externalIds),
      tickets: tickets.all().map(ticketListItemDto),
      pagination: paginationDto(tickets),
      canWork: await ctx.bouncer.with(HelpdeskPolicy).allows('work', membership),
    })
  }

  async store(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(HelpdeskPolicy).authorize('work', membership)
    const input = await ctx.request.validateUsing(contactValidator)
    const contact = await new CreateContact().handle(workspace.id, input)
    if (wantsJson(ctx)) return ctx.response.created({ id: contact.id })
    ctx.session.flash('success', `${contact.displayName} was added.`)
    return ctx.response.redirect(`/w/${workspace.slug}/contacts/${contact.id}`)
  }

  async update(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await findInWorkspace(Contact, workspace.id, ctx.params.id, { label: 'Contact' })
    await ctx.bouncer.with(HelpdeskPolicy).authorize('work', membership)
    const input = await ctx.request.validateUsing(contactValidator)
    const contact = await new UpdateContact().handle(workspace.id, String(ctx.params.id), input)
    if (wantsJson(ctx)) return { id: contact.id }
    ctx.session.flash('success', 'Contact saved.')
    return ctx.response.redirect().back()
  }

  /** Folds another contact (a duplicate) into this one. */
  async merge(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    const target = await findInWorkspace(Contact, workspace.id, ctx.params.id, { label: 'Contact' })
    await ctx.bouncer.with(HelpdeskPolicy).authorize('work', membership)
    const { sourceContactId } = await ctx.request.validateUsing(mergeContactsValidator, { meta: { workspaceId: workspace.id } })
    const { contact, moved } = await new MergeContacts().handle({
      workspaceId: workspace.id,
      targetContactId: target.id,
      sourceContactId,
      actorUserId: user.id,
    })
    if (wantsJson(ctx)) return { id: contact.id, moved }
    ctx.session.flash('success', `Contacts merged: ${moved.tickets} ${moved.tickets === 1 ? 'ticket' : 'tickets'} moved to ${contact.displayName}.`)
    return ctx.response.redirect(`/w/${workspace.slug}/contacts/${contact.id}`)
  }
}
