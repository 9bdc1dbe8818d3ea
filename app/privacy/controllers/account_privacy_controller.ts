import type { HttpContext } from '@adonisjs/core/http'
import PrivacyRequest from '#privacy/models/privacy_request'
import { formatDate } from '#privacy/services/desk'
import { OBJECTION_PURPOSES, REGIME_LABELS, REGIMES, REQUEST_TYPE_LABELS, REQUEST_TYPES } from '#privacy/services/request_types'
import { STATUS_LABELS } from '#privacy/services/transitions'
import { referenceOf } from '#privacy/presenters/requests'
import { accountRequestValidator } from '#privacy/validators/privacy'
import SubmitRequest from '#privacy/actions/submit_request'

/**
 * A workspace user's own requests to the platform (the platform is the
 * controller of their account data). Verified by their session; they land
 * in the operator's queue.
 */
export default class AccountPrivacyController {
  async show({ inertia, auth }: HttpContext) {
    const user = auth.user!
    const requests = await PrivacyRequest.query().whereNull('workspace_id').where('requester_user_id', user.id).orderBy('created_at', 'desc')
    return inertia.render('privacy/account', {
      email: user.email,
      types: REQUEST_TYPES.map((value) => ({ value, label: REQUEST_TYPE_LABELS[value] })),
      regimes: REGIMES.map((value) => ({ value, label: REGIME_LABELS[value] })),
      purposes: [...OBJECTION_PURPOSES],
      requests: requests.map((request) => ({
        id: request.id,
        reference: referenceOf(request),
        typeLabel: REQUEST_TYPE_LABELS[request.type],
        statusLabel: STATUS_LABELS[request.status],
        receivedAt: formatDate(request.receivedAt, 'UTC'),
        dueAt: formatDate(request.effectiveDueAt, 'UTC'),
        rejectionReason: request.rejectionReason,
      })),
    })
  }

  async store({ request, response, session, auth }: HttpContext) {
    const user = auth.user!
    const input = await request.validateUsing(accountRequestValidator)
    const { merged } = await new SubmitRequest().handle({ workspace: null }, { ...input, email: user.email, requesterUserId: user.id })
    session.flash('success', merged ? 'You already had this request open: we added this to it.' : 'Request sent. We confirmed it by email and will answer within 30 days.')
    return response.redirect('/account/privacy')
  }
}
