import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Incident from '#helpdesk/models/incident'
import Ticket from '#helpdesk/models/ticket'
import { findInWorkspace } from '#helpdesk/services/records'
import { assertTicketsInWorkspace } from '#helpdesk/services/workspace_refs'
import { recordActivity } from '#helpdesk/services/activity'
import { broadcastInboxEvent } from '#helpdesk/services/realtime'
import { inTransaction } from '#helpdesk/services/transactions'

export interface LinkTicketsInput {
  workspaceId: string
  incidentId: string
  ticketIds: string[]
  actorUserId: string | null
}

/** Links tickets to an incident (a ticket belongs to at most one; linking moves it). */
export default class LinkTicketsToIncident {
  async handle(input: LinkTicketsInput, trx?: TransactionClientContract) {
    return inTransaction(trx, async (client) => {
      const incident = await findInWorkspace(Incident, input.workspaceId, input.incidentId, { client, label: 'Incident' })
      const ids = await assertTicketsInWorkspace(client, input.workspaceId, input.ticketIds)
      const tickets = await Ticket.query({ client }).where('workspace_id', input.workspaceId).whereIn('id', ids).forUpdate()
      let linked = 0
      for (const ticket of tickets) {
        if (ticket.incidentId === incident.id) continue
        ticket.useTransaction(client)
        ticket.incidentId = incident.id
        ticket.version += 1
        await ticket.save()
        linked++
        await recordActivity({ workspaceId: input.workspaceId, actorUserId: input.actorUserId, action: 'ticket.linked_to_incident', ticketId: ticket.id, contactId: ticket.contactId, details: { incidentId: incident.id } }, client)
      }
      client.after('commit', () => broadcastInboxEvent(input.workspaceId, { type: 'tickets.bulk_updated', ticketIds: ids }))
      return { incident, linked }
    })
  }
}
