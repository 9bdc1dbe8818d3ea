import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { GoneError, UserFacingError } from '#core/errors'
import CsatSurvey from '#helpdesk/models/csat_survey'
import Contact from '#helpdesk/models/contact'
import Ticket from '#helpdesk/models/ticket'
import { hashLinkToken } from '#helpdesk/services/tokens'
import { recordAnalytics } from '#helpdesk/services/analytics'
import { recordActivity } from '#helpdesk/services/activity'
import { broadcastInboxEvent } from '#helpdesk/services/realtime'
import { tagIdsOf } from '#helpdesk/services/ticket_tags'

export const CSAT_SCORES = [1, 2, 3, 4, 5] as const

/** The survey behind a link token, or a 410 a person understands. */
export async function findSurveyByToken(token: string, client = db.connection()) {
  const survey = await CsatSurvey.query({ client }).where('token_hash', hashLinkToken(String(token))).forUpdate().first()
  if (!survey) throw new GoneError('This rating link is not valid. It may have been replaced by a newer survey.')
  return survey
}

/** Records the score a contact clicked in the survey mail. The link works once. */
export default class RecordCsatRating {
  async handle(token: string, score: number) {
    if (!CSAT_SCORES.includes(score as (typeof CSAT_SCORES)[number])) {
      throw new UserFacingError('Choose a score from 1 to 5.', 'score')
    }
    const survey = await db.transaction(async (trx) => {
      const found = await findSurveyByToken(token, trx)
      if (found.ratedAt) throw new GoneError('This conversation was already rated with this link. Thank you for your feedback!')
      if (found.expiresAt < DateTime.now()) throw new GoneError('This rating link has expired.')
      found.useTransaction(trx)
      found.merge({ score, ratedAt: DateTime.now() })
      await found.save()
      const ticket = await Ticket.query({ client: trx }).where('id', found.ticketId).firstOrFail()
      const contact = await Contact.query({ client: trx }).where('id', found.contactId).firstOrFail()
      await recordAnalytics(
        contact,
        {
          workspaceId: found.workspaceId,
          type: 'csat_rated',
          ticketId: ticket.id,
          contactId: contact.id,
          agentUserId: ticket.assigneeUserId,
          teamId: ticket.teamId,
          channel: ticket.channel,
          tagIds: await tagIdsOf(trx, ticket.id),
          value: score,
        },
        trx
      )
      await recordActivity({ workspaceId: found.workspaceId, actorUserId: null, action: 'csat.rated', ticketId: ticket.id, contactId: contact.id, details: { score } }, trx)
      trx.after('commit', () => broadcastInboxEvent(found.workspaceId, { type: 'ticket.updated', ticketId: ticket.id, number: ticket.number, version: ticket.version }))
      return found
    })
    return survey
  }
}
