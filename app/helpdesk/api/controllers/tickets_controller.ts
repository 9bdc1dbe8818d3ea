import type { HttpContext } from '@adonisjs/core/http'
import { apiAnswer } from '#helpdesk/api/services/api_responses'
import db from '@adonisjs/lucid/services/db'
import Ticket from '#helpdesk/models/ticket'
import Contact from '#helpdesk/models/contact'
import CreateContact from '#helpdesk/actions/create_contact'
import CreateTicket from '#helpdesk/actions/create_ticket'
import UpdateTicket from '#helpdesk/actions/update_ticket'
import ListTickets from '#helpdesk/actions/list_tickets'
import { findInWorkspace } from '#helpdesk/services/records'
import { findContactByEmail, findContactByExternalId, findContactByPhone } from '#helpdesk/services/contact_lookup'
import { UserFacingError } from '#core/errors'
import { listJson, ticketJson } from '#helpdesk/api/presenters/api_resources'
import { createTicketValidator, listTicketsValidator, updateTicketValidator } from '#helpdesk/api/validators/api_resources'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** /api/v1/tickets: the same actions as the inbox (tickets created here are inbound, from the contact). */
export default class ApiTicketsController {
  async index(ctx: HttpContext) {
    const { request, workspace } = ctx
    return apiAnswer(ctx, async () => {
      const input = await request.validateUsing(listTicketsValidator, { data: request.qs() })
      const page = await new ListTickets().handle(
        workspace!.id,
        {
          status: input.status,
          assignee: input.assignee_id,
          teamId: input.team_id,
          tagId: input.tag_id,
          priority: input.priority,
          channel: input.channel,
          contactId: input.contact_id,
          q: input.q,
        },
        // An API client is no user: "assigned to me" does not apply.
        { viewerUserId: '00000000-0000-0000-0000-000000000000', page: input.page, perPage: input.per_page ?? 25 }
      )
      return listJson(page, ticketJson)
    })
  }

  async store(ctx: HttpContext) {
    const { request, response, workspace } = ctx
    return apiAnswer(ctx, async () => {
      const input = await request.validateUsing(createTicketValidator, { meta: { workspaceId: workspace!.id } })
      const { ticket } = await db.transaction(async (trx) => {
        const contact = input.contact_id
          ? await findInWorkspace(Contact, workspace!.id, input.contact_id, { client: trx, label: 'Contact' })
          : await this.#findOrCreateContact(trx, workspace!.id, input.contact!)
        return new CreateTicket().handle(
          {
            workspaceId: workspace!.id,
            contactId: contact.id,
            subject: input.subject,
            body: input.body,
            channel: input.channel ?? 'api',
            priority: input.priority,
            assigneeUserId: input.assignee_id,
            teamId: input.team_id,
            tagIds: input.tag_ids,
            customValues: input.custom_values,
            actorUserId: null,
          },
          trx
        )
      })
      return response.created({ data: ticketJson(await this.#load(workspace!.id, ticket.id)) })
    })
  }

  async show(ctx: HttpContext) {
    const { params, workspace } = ctx
    return apiAnswer(ctx, async () => {
      return { data: ticketJson(await this.#load(workspace!.id, params.id)) }
    })
  }

  async update(ctx: HttpContext) {
    const { request, params, workspace } = ctx
    return apiAnswer(ctx, async () => {
      const current = await findInWorkspace(Ticket, workspace!.id, params.id, { label: 'Ticket' })
      const input = await request.validateUsing(updateTicketValidator, { meta: { workspaceId: workspace!.id } })
      await new UpdateTicket().handle({
        workspaceId: workspace!.id,
        ticketId: current.id,
        actorUserId: null,
        expectedVersion: input.version,
        changes: {
          status: input.status,
          priority: input.priority,
          assigneeUserId: input.assignee_id,
          teamId: input.team_id,
          tagIds: input.tag_ids,
          customValues: input.custom_values,
          snoozedUntil: input.snoozed_until,
        },
      })
      return { data: ticketJson(await this.#load(workspace!.id, current.id)) }
    })
  }

  async #load(workspaceId: string, id: unknown) {
    const ticket = await findInWorkspace(Ticket, workspaceId, id, { label: 'Ticket' })
    await ticket.load((loader) => loader.load('contact').load('tags', (tags) => tags.orderBy('name')))
    return ticket
  }

  /** The sender is found by external id, email or phone (blind indexes), or created. */
  async #findOrCreateContact(
    trx: TransactionClientContract,
    workspaceId: string,
    sender: { name?: string; email?: string; phone?: string; external_id?: { system: string; value: string } }
  ) {
    if (!sender.email && !sender.phone && !sender.external_id) {
      throw new UserFacingError('Give the contact an email, a phone number or an external id, or send contact_id.', 'contact')
    }
    const externalId = sender.external_id ? { system: sender.external_id.system.trim().toLowerCase(), value: sender.external_id.value } : null
    const found =
      (await findContactByExternalId(workspaceId, externalId, trx)) ??
      (await findContactByEmail(workspaceId, sender.email, trx)) ??
      (await findContactByPhone(workspaceId, sender.phone, trx))
    if (found) return found
    return new CreateContact().handle(workspaceId, { name: sender.name, email: sender.email, phone: sender.phone, externalIds: externalId ? [externalId] : [] }, trx)
  }
}
