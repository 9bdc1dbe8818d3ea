import { Ticket } from '#helpdesk/index'
import { isUuid, RecordNotFoundException } from '#core/tenancy'

/**
 * Another workspace's ticket (or a malformed id) is a 404 before anything
 * else happens. A list read, so the ticket of an erased contact is found
 * (marked shredded) instead of failing with 410.
 */
export async function assertTicketInWorkspace(workspaceId: string, ticketId: unknown) {
  if (!isUuid(ticketId)) throw new RecordNotFoundException('Ticket not found')
  const [ticket] = await Ticket.query().where('workspace_id', workspaceId).where('id', ticketId).limit(1)
  if (!ticket) throw new RecordNotFoundException('Ticket not found')
  return ticket
}
