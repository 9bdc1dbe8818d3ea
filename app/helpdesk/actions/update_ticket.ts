import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import logger from '@adonisjs/core/services/logger'
import jobs from '#core/jobs'
import { UserFacingError } from '#core/errors'
import { isProcessingAllowed } from '#helpdesk/privacy_provider'
import Contact from '#helpdesk/models/contact'
import Ticket, { type TicketPriority, type TicketStatus } from '#helpdesk/models/ticket'
import CustomField from '#helpdesk/models/custom_field'
import { findInWorkspace } from '#helpdesk/services/records'
import { assertAssignable, assertTags, assertTeam } from '#helpdesk/services/workspace_refs'
import { applyCustomValues, assertRequiredValues } from '#helpdesk/services/custom_values'
import { recordAnalytics, secondsBetween } from '#helpdesk/services/analytics'
import { recordActivity } from '#helpdesk/services/activity'
import { broadcastInboxEvent } from '#helpdesk/services/realtime'
import { tagIdsOf } from '#helpdesk/services/ticket_tags'
import { inTransaction } from '#helpdesk/services/transactions'

export const SEND_CSAT_SURVEY_JOB = 'helpdesk.send_csat_survey'

export interface TicketChanges {
  status?: TicketStatus
  priority?: TicketPriority
  assigneeUserId?: string | null
  teamId?: string | null
  /** The full set of tags (replaces the current ones). */
  tagIds?: string[]
  /** Tags to add, keeping the current ones (bulk actions). */
  addTagIds?: string[]
  /** Values by field key; null or '' clears a value. */
  customValues?: Record<string, unknown>
  /** Setting a wake time snoozes the ticket; it must lie in the future. */
  snoozedUntil?: DateTime | string | null
}

export interface UpdateTicketInput {
  workspaceId: string
  ticketId: string
  actorUserId: string | null
  /**
   * The version the editor saw. When the ticket changed since, the edit is
   * refused with a 409 instead of silently undoing the other person's
   * change. Bulk actions, which do not depend on what was seen, omit it.
   */
  expectedVersion?: number
  changes: TicketChanges
}

function parseWakeTime(value: DateTime | string | null | undefined) {
  if (value === null || value === undefined || value === '') return null
  const time = typeof value === 'string' ? DateTime.fromISO(value) : value
  if (!time.isValid) throw new UserFacingError('Choose a valid date and time to snooze until.', 'snoozedUntil')
  return time
}

/** Field edits on a ticket (status, priority, assignee, team, tags, custom fields, snooze), with an optimistic lock. */
export default class UpdateTicket {
  async handle(input: UpdateTicketInput, trx?: TransactionClientContract): Promise<Ticket> {
    return inTransaction(trx, async (client) => {
      const ticket = await findInWorkspace(Ticket, input.workspaceId, input.ticketId, { client, forUpdate: true, label: 'Ticket' })
      ticket.useTransaction(client)
      if (input.expectedVersion !== undefined && Number(input.expectedVersion) !== ticket.version) {
        throw new UserFacingError(
          `#${ticket.number} was changed by someone else while you were looking at it. Reload to see their changes, then apply yours again.`,
          undefined,
          { status: 409, code: 'E_STALE_TICKET' }
        )
      }
      const changes = input.changes
      if (ticket.status === 'closed' && Object.keys(changes).length > 0) {
        throw new UserFacingError(`#${ticket.number} is closed and can no longer be changed.`, 'status', { status: 422 })
      }
      await assertAssignable(client, input.workspaceId, changes.assigneeUserId)
      await assertTeam(client, input.workspaceId, changes.teamId)
      await assertTags(client, input.workspaceId, [...(changes.tagIds ?? []), ...(changes.addTagIds ?? [])])

      const log: { action: string; details: Record<string, string | null | string[]> }[] = []
      const fields = await CustomField.query({ client }).where('workspace_id', input.workspaceId).orderBy('position')

      if (changes.customValues && Object.keys(changes.customValues).length > 0) {
        const next = applyCustomValues(fields, ticket.customValues, changes.customValues)
        if (JSON.stringify(next) !== JSON.stringify(ticket.customValues ?? {})) {
          ticket.customValues = Object.keys(next).length > 0 ? next : null
          log.push({ action: 'ticket.fields_changed', details: { keys: Object.keys(changes.customValues) } })
        }
      }

      // Snooze: a wake time implies the snoozed status, and must lie in the future.
      const wakeAt = parseWakeTime(changes.snoozedUntil)
      const status = changes.status ?? (wakeAt ? 'snoozed' : undefined)
      if (status === 'snoozed') {
        if (!wakeAt) throw new UserFacingError('Choose when the ticket should wake up.', 'snoozedUntil')
        if (wakeAt <= DateTime.now()) throw new UserFacingError('The snooze time is in the past. Choose a time in the future.', 'snoozedUntil')
        if (!ticket.snoozedUntil || +ticket.snoozedUntil !== +wakeAt) log.push({ action: 'ticket.snoozed', details: { until: wakeAt.toISO() } })
        ticket.snoozedUntil = wakeAt
      }

      let resolvedNow = false
      if (status && status !== ticket.status) {
        if (status === 'resolved') assertRequiredValues(fields, ticket.customValues)
        log.push({ action: 'ticket.status_changed', details: { from: ticket.status, to: status } })
        if (status !== 'snoozed') ticket.snoozedUntil = null
        if (status === 'resolved') {
          ticket.resolvedAt = DateTime.now()
          resolvedNow = true
        } else if (status === 'closed') {
          ticket.closedAt = DateTime.now()
          ticket.resolvedAt ??= DateTime.now()
        } else {
          ticket.resolvedAt = null
        }
        ticket.status = status
      }
      if (changes.priority && changes.priority !== ticket.priority) {
        log.push({ action: 'ticket.priority_changed', details: { from: ticket.priority, to: changes.priority } })
        ticket.priority = changes.priority
      }
      if (changes.assigneeUserId !== undefined && changes.assigneeUserId !== ticket.assigneeUserId) {
        log.push({ action: 'ticket.assigned', details: { from: ticket.assigneeUserId, to: changes.assigneeUserId } })
        ticket.assigneeUserId = changes.assigneeUserId
      }
      if (changes.teamId !== undefined && changes.teamId !== ticket.teamId) {
        log.push({ action: 'ticket.team_changed', details: { from: ticket.teamId, to: changes.teamId } })
        ticket.teamId = changes.teamId
      }

      const currentTags = await tagIdsOf(client, ticket.id)
      const wantedTags = changes.tagIds ? [...new Set(changes.tagIds)] : changes.addTagIds ? [...new Set([...currentTags, ...changes.addTagIds])] : null
      if (wantedTags) {
        const added = wantedTags.filter((id) => !currentTags.includes(id))
        const removed = currentTags.filter((id) => !wantedTags.includes(id))
        if (added.length || removed.length) {
          await ticket.related('tags').sync(Object.fromEntries(wantedTags.map((id) => [id, { workspace_id: input.workspaceId }])), true, client)
          log.push({ action: 'ticket.tags_changed', details: { added, removed } })
        }
      }

      if (log.length === 0) return ticket
      ticket.version += 1
      await ticket.save()
      for (const entry of log) {
        await recordActivity({ workspaceId: input.workspaceId, actorUserId: input.actorUserId, action: entry.action, ticketId: ticket.id, contactId: ticket.contactId, details: entry.details }, client)
      }

      const contact = await Contact.query({ client }).where('id', ticket.contactId).firstOrFail()
      if (resolvedNow) {
        await recordAnalytics(
          contact,
          {
            workspaceId: ticket.workspaceId,
            type: 'ticket_resolved',
            ticketId: ticket.id,
            contactId: ticket.contactId,
            agentUserId: ticket.assigneeUserId ?? input.actorUserId,
            teamId: ticket.teamId,
            channel: ticket.channel,
            tagIds: wantedTags ?? currentTags,
            value: secondsBetween(ticket.createdAt, ticket.resolvedAt!),
          },
          client
        )
      }
      client.after('commit', async () => {
        broadcastInboxEvent(ticket.workspaceId, { type: 'ticket.updated', ticketId: ticket.id, number: ticket.number, version: ticket.version })
        // No survey for contacts who restricted or objected to processing.
        if (resolvedNow && isProcessingAllowed(contact, 'surveys')) {
          // The resolution stands even if the survey cannot be queued; the failure is logged.
          await jobs.dispatch(SEND_CSAT_SURVEY_JOB, { ticketId: ticket.id }).catch((error) => logger.error({ err: error, ticketId: ticket.id }, 'CSAT survey not sent'))
        }
      })
      return ticket
    })
  }
}
