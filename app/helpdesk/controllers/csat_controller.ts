import type { HttpContext } from '@adonisjs/core/http'
import { GoneError } from '#core/errors'
import { Workspace } from '#identity/index'
import RecordCsatRating from '#helpdesk/actions/record_csat_rating'
import AddCsatComment from '#helpdesk/actions/add_csat_comment'
import { CSAT_RATE_ROUTE } from '#helpdesk/actions/send_csat_survey'
import { settingsOf } from '#helpdesk/actions/update_helpdesk_settings'
import { CSAT_SCORE_LABELS } from '#helpdesk/mails/csat_survey_mail'
import { csatCommentValidator } from '#helpdesk/validators/helpdesk'
import Ticket from '#helpdesk/models/ticket'

/** The public survey pages a contact reaches from the CSAT mail (no sign-in). */
export default class CsatController {
  /** One click in the mail records the score; the page then offers an optional comment. */
  async rate({ request, params, inertia }: HttpContext) {
    if (!request.hasValidSignature(CSAT_RATE_ROUTE)) {
      throw new GoneError('This rating link is invalid or has expired.')
    }
    const survey = await new RecordCsatRating().handle(String(params.token), Number(params.score))
    const ticket = await Ticket.findOrFail(survey.ticketId)
    const workspace = await Workspace.findOrFail(survey.workspaceId)
    const settings = await settingsOf(survey.workspaceId)
    return inertia.render('helpdesk/csat', {
      state: 'rated',
      workspaceName: workspace.name,
      ticketNumber: ticket.number,
      question: settings.question,
      score: survey.score,
      scoreLabel: CSAT_SCORE_LABELS[survey.score!],
      commentUrl: `/csat/${encodeURIComponent(String(params.token))}/comment`,
    })
  }

  async comment({ request, params, response, session }: HttpContext) {
    const { comment } = await request.validateUsing(csatCommentValidator)
    await new AddCsatComment().handle(String(params.token), comment)
    session.flash('success', 'Thank you, your comment was sent.')
    return response.redirect('/csat/thanks')
  }

  thanks({ inertia }: HttpContext) {
    return inertia.render('helpdesk/csat', { state: 'thanks' })
  }
}
