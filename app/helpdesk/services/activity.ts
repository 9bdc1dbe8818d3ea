import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import HelpdeskActivity, { type ActivityDetails } from '#helpdesk/models/helpdesk_activity'

export interface ActivityInput {
  workspaceId: string
  actorUserId: string | null
  action: string
  ticketId?: string | null
  contactId?: string | null
  /** Ids, counts and enum values only: never names or content. */
  details?: ActivityDetails
}

export function recordActivity(input: ActivityInput, trx?: TransactionClientContract) {
  return HelpdeskActivity.create(
    {
      workspaceId: input.workspaceId,
      actorUserId: input.actorUserId,
      action: input.action,
      ticketId: input.ticketId ?? null,
      contactId: input.contactId ?? null,
      details: input.details ?? {},
    },
    { client: trx }
  )
}
