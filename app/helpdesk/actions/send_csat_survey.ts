import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import { Workspace } from '#identity/index'
import { signedLink } from '#core/links'
import Ticket from '#helpdesk/models/ticket'
import Contact from '#helpdesk/models/contact'
import CsatSurvey from '#helpdesk/models/csat_survey'
import HelpdeskSettings from '#helpdesk/models/helpdesk_settings'
import CsatSurveyMail from '#helpdesk/mails/csat_survey_mail'
import { generateLinkToken } from '#helpdesk/services/tokens'
import { isProcessingAllowed } from '#helpdesk/privacy_provider'

export const CSAT_RATE_ROUTE = 'helpdesk.csat.rate'

/**
 * Mails the satisfaction survey of a resolved ticket: one signed,
 * single-use, expiring link per score. Skipped when CSAT is off, the
 * contact has no email address or restricted processing, or the ticket was
 * reopened meanwhile. A newer survey replaces an unanswered older one.
 */
export default class SendCsatSurvey {
  async handle(ticketId: string): Promise<CsatSurvey | null> {
    const ticket = await Ticket.find(ticketId)
    if (!ticket || ticket.status !== 'resolved') return null
    const contact = await Contact.query().where('id', ticket.contactId).first()
    if (!contact?.email || !isProcessingAllowed(contact, 'surveys')) return null
    const settings = await HelpdeskSettings.find(ticket.workspaceId)
    if (settings && !settings.csatEnabled) return null
    const validDays = settings?.csatLinkDays ?? 7
    const workspace = await Workspace.findOrFail(ticket.workspaceId)

    const { token, tokenHash } = generateLinkToken()
    const survey = await db.transaction(async (trx) => {
      await CsatSurvey.query({ client: trx })
        .where('workspace_id', ticket.workspaceId)
        .where('ticket_id', ticket.id)
        .whereNull('rated_at')
        .update({ expires_at: DateTime.now().toSQL() })
      return CsatSurvey.create(
        {
          workspaceId: ticket.workspaceId,
          ticketId: ticket.id,
          contactId: ticket.contactId,
          tokenHash,
          score: null,
          comment: null,
          sentAt: DateTime.now(),
          expiresAt: DateTime.now().plus({ days: validDays }),
        },
        { client: trx }
      )
    })
    const links: Record<number, string> = {}
    for (const score of [1, 2, 3, 4, 5]) links[score] = signedLink(CSAT_RATE_ROUTE, { token, score: String(score) }, `${validDays}d`)
    await mail.send(
      new CsatSurveyMail({
        to: contact.email,
        contactName: contact.name,
        workspaceName: workspace.name,
        ticketNumber: ticket.number,
        question: settings?.question ?? 'How would you rate the support you received?',
        links,
        validDays,
      })
    )
    return survey
  }
}
