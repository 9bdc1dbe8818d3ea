import type { HttpContext } from '@adonisjs/core/http'
import limiter from '@adonisjs/limiter/services/main'
import { UserFacingError } from '#core/errors'
import { rateLimitKey } from '#core/rate_limit_keys'
import { Contact } from '#helpdesk/index'
import { SubmitSessionVerifiedRequest } from '#privacy/index'
import { widgetCallOf } from '#channels/services/widget_access'
import { widgetPrivacyRequestValidator } from '#channels/validators/widget_privacy'

/** Three requests per 15 minutes per widget session, ten per IP and widget (the portal allows five per IP). */
const sessionLimiter = () => limiter.use({ requests: 3, duration: '15 mins' })
const ipLimiter = () => limiter.use({ requests: 10, duration: '15 mins' })

const notSignedIn = () =>
  new UserFacingError(
    'We can only take a privacy request here when you are signed in on this site. Sign in on the site first, or use the privacy portal, which confirms your request by email.',
    undefined,
    { status: 403, code: 'E_IDENTITY_NOT_VERIFIED' }
  )

/**
 * Privacy requests from the chat widget. Same checks as every widget call
 * (allowed origin, bearer session of this widget); on top, the visitor must
 * be signed in by the site (HMAC identity): that login is the proof of who
 * they are, so the request is filed already verified. Anonymous visitors are
 * sent to the email-confirmed portal.
 */
export default class WidgetPrivacyController {
  async store(ctx: HttpContext) {
    const { widget, session } = await widgetCallOf(ctx)
    const input = await ctx.request.validateUsing(widgetPrivacyRequestValidator)
    if (!session.identityVerified || !session.contactId) throw notSignedIn()
    const contact = await Contact.query().where('workspace_id', widget.workspaceId).where('id', session.contactId).first()
    if (!contact || contact.isShredded) throw notSignedIn()

    const underIpLimit = await ipLimiter().attempt(rateLimitKey('widget_privacy_ip', widget.id, ctx.request.ip()), () => true)
    const underLimit = underIpLimit && (await sessionLimiter().attempt(rateLimitKey('widget_privacy', session.id), () => true))
    if (!underLimit) {
      throw new UserFacingError('You sent several privacy requests in a short time. Wait 15 minutes and try again.', undefined, { status: 429, code: 'E_TOO_MANY_REQUESTS' })
    }

    const result = await new SubmitSessionVerifiedRequest().handle({
      workspaceId: widget.workspaceId,
      contactId: contact.id,
      email: contact.email,
      type: input.type,
      message: input.details ?? null,
      purposes: input.purposes,
      widgetSessionId: session.id,
    })
    return ctx.response.status(201).send({ reference: result.reference, statusUrl: result.statusUrl, message: result.message })
  }
}
