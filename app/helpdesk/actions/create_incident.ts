import db from '@adonisjs/lucid/services/db'
import { UserFacingError } from '#core/errors'
import Incident from '#helpdesk/models/incident'
import LinkTicketsToIncident from '#helpdesk/actions/link_tickets_to_incident'
import { recordActivity } from '#helpdesk/services/activity'

export interface CreateIncidentInput {
  workspaceId: string
  title: string
  actorUserId: string | null
  ticketIds?: string[]
}

/** Opens an incident (an outage many contacts write about), optionally with its first tickets. */
export default class CreateIncident {
  async handle(input: CreateIncidentInput) {
    const title = input.title.replace(/\s+/g, ' ').trim()
    if (!title) throw new UserFacingError('Give the incident a title.', 'title')
    if (title.length > 160) throw new UserFacingError('Titles can be at most 160 characters.', 'title')
    return db.transaction(async (trx) => {
      const incident = await Incident.create({ workspaceId: input.workspaceId, title, status: 'open', createdByUserId: input.actorUserId, resolvedAt: null }, { client: trx })
      await recordActivity({ workspaceId: input.workspaceId, actorUserId: input.actorUserId, action: 'incident.created', details: { incidentId: incident.id } }, trx)
      if (input.ticketIds?.length) {
        await new LinkTicketsToIncident().handle({ workspaceId: input.workspaceId, incidentId: incident.id, ticketIds: input.ticketIds, actorUserId: input.actorUserId }, trx)
      }
      return incident
    })
  }
}
