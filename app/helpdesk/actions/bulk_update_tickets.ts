import db from '@adonisjs/lucid/services/db'
import { UserFacingError } from '#core/errors'
import UpdateTicket from '#helpdesk/actions/update_ticket'
import type { TicketStatus } from '#helpdesk/models/ticket'
import { assertTicketsInWorkspace } from '#helpdesk/services/workspace_refs'
import { recordActivity } from '#helpdesk/services/activity'
import { broadcastInboxEvent } from '#helpdesk/services/realtime'

export interface BulkTicketChanges {
  assigneeUserId?: string | null
  addTagIds?: string[]
  status?: Exclude<TicketStatus, 'snoozed'>
}

export interface BulkUpdateInput {
  workspaceId: string
  ticketIds: string[]
  actorUserId: string | null
  changes: BulkTicketChanges
}

export const MAX_BULK_TICKETS = 100

/**
 * One change applied to many selected tickets (assign, add tags, set a
 * status), all or nothing: if one ticket refuses (say, a required field is
 * empty before resolving), none changes and the message names the ticket.
 */
export default class BulkUpdateTickets {
  async handle(input: BulkUpdateInput) {
    const ids = [...new Set(input.ticketIds)]
    if (ids.length === 0) throw new UserFacingError('Select at least one ticket.', 'ticketIds')
    if (ids.length > MAX_BULK_TICKETS) throw new UserFacingError(`Select at most ${MAX_BULK_TICKETS} tickets at a time.`, 'ticketIds')
    const changes = Object.fromEntries(Object.entries(input.changes).filter(([, value]) => value !== undefined))
    if (Object.keys(changes).length === 0) throw new UserFacingError('Choose what to change on the selected tickets.', 'action')

    return db.transaction(async (trx) => {
      await assertTicketsInWorkspace(trx, input.workspaceId, ids)
      const tickets = []
      for (const ticketId of ids) {
        tickets.push(await new UpdateTicket().handle({ workspaceId: input.workspaceId, ticketId, actorUserId: input.actorUserId, changes }, trx))
      }
      await recordActivity(
        { workspaceId: input.workspaceId, actorUserId: input.actorUserId, action: 'tickets.bulk_updated', details: { ticketIds: ids, changed: Object.keys(changes) } },
        trx
      )
      trx.after('commit', () => broadcastInboxEvent(input.workspaceId, { type: 'tickets.bulk_updated', ticketIds: ids }))
      return tickets
    })
  }
}
