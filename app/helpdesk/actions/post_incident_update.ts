import db from '@adonisjs/lucid/services/db'
import { UserFacingError } from '#core/errors'
import { User } from '#identity/index'
import Incident from '#helpdesk/models/incident'
import Ticket from '#helpdesk/models/ticket'
import Contact from '#helpdesk/models/contact'
import AddTicketMessage from '#helpdesk/actions/add_ticket_message'
import UpdateTicket from '#helpdesk/actions/update_ticket'
import { findInWorkspace } from '#helpdesk/services/records'
import { fillPlaceholders } from '#helpdesk/services/placeholders'
import { cleanBody } from '#helpdesk/services/conversation'
import { recordActivity } from '#helpdesk/services/activity'
import { DateTime } from 'luxon'

export interface IncidentUpdateInput {
  workspaceId: string
  incidentId: string
  actorUserId: string
  body: string
  /** Also resolve the incident and every linked ticket (each contact then gets its survey). */
  resolve?: boolean
}

/**
 * Sends one update to everyone affected: an outbound message on each
 * linked ticket that is not closed, placeholders filled per ticket
 * ({{contact.name}}, {{ticket.number}}, {{agent.name}}). All or nothing.
 */
export default class PostIncidentUpdate {
  async handle(input: IncidentUpdateInput) {
    const template = cleanBody(input.body)
    const agent = await User.findOrFail(input.actorUserId)
    return db.transaction(async (trx) => {
      const incident = await findInWorkspace(Incident, input.workspaceId, input.incidentId, { client: trx, forUpdate: true, label: 'Incident' })
      const tickets = await Ticket.query({ client: trx })
        .where('workspace_id', input.workspaceId)
        .where('incident_id', incident.id)
        .whereNot('status', 'closed')
        .orderBy('number')
      if (tickets.length === 0) throw new UserFacingError('No open ticket is linked to this incident yet.', 'body')
      const contacts = new Map(
        (await Contact.query({ client: trx }).whereIn('id', [...new Set(tickets.map((ticket) => ticket.contactId))])).map((contact) => [contact.id, contact])
      )
      const messages = []
      for (const ticket of tickets) {
        const contact = contacts.get(ticket.contactId)!
        const body = fillPlaceholders(template, {
          contact: { name: contact.name, email: contact.email },
          agent: { name: agent.fullName },
          ticket: { number: ticket.number },
        })
        messages.push(await new AddTicketMessage().handle({ workspaceId: input.workspaceId, ticketId: ticket.id, authorUserId: input.actorUserId, kind: 'outbound', body }, trx))
        if (input.resolve && ticket.status !== 'resolved') {
          await new UpdateTicket().handle({ workspaceId: input.workspaceId, ticketId: ticket.id, actorUserId: input.actorUserId, changes: { status: 'resolved' } }, trx)
        }
      }
      if (input.resolve && incident.status !== 'resolved') {
        incident.useTransaction(trx)
        incident.merge({ status: 'resolved', resolvedAt: DateTime.now() })
        await incident.save()
      }
      await recordActivity(
        { workspaceId: input.workspaceId, actorUserId: input.actorUserId, action: 'incident.update_sent', details: { incidentId: incident.id, tickets: tickets.length, resolved: Boolean(input.resolve) } },
        trx
      )
      return { incident, messages }
    })
  }
}
