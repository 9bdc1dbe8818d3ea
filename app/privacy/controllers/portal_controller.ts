import type { HttpContext } from '@adonisjs/core/http'
import limiter from '@adonisjs/limiter/services/main'
import { GoneError, UserFacingError } from '#core/errors'
import { RecordNotFoundException, isUuid } from '#core/tenancy'
import { rateLimitKey } from '#core/rate_limit_keys'
import { Workspace } from '#identity/index'
import PrivacyCertificate from '#privacy/models/privacy_certificate'
import { findRequestOrFail, formatDate, type Desk } from '#privacy/services/desk'
import { hashLinkToken } from '#privacy/services/tokens'
import { platformPublicKey } from '#privacy/services/certificates'
import { OBJECTION_PURPOSES, REGIME_LABELS, REGIMES, REQUEST_TYPE_LABELS, REQUEST_TYPES } from '#privacy/services/request_types'
import { STATUS_LABELS } from '#privacy/services/transitions'
import { referenceOf } from '#privacy/presenters/requests'
import { intakeValidator } from '#privacy/validators/privacy'
import SubmitRequest from '#privacy/actions/submit_request'
import VerifyRequestEmail from '#privacy/actions/verify_request_email'
import DownloadExport from '#privacy/actions/download_export'
import IssueExportLink, { waitingExportOf } from '#privacy/actions/issue_export_link'

/** Five requests per 15 minutes from one address (IP) to one portal, then a 429. */
export const intakeLimiter = () => limiter.use({ requests: 5, duration: '15 mins' })

async function portalDesk(slug: unknown): Promise<Desk> {
  const workspace = typeof slug === 'string' ? await Workspace.findBy('slug', slug) : null
  if (!workspace) throw new RecordNotFoundException('There is no privacy portal at this address.')
  return { workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug, timezone: workspace.timezone } }
}

/**
 * The public privacy portal of a workspace (no sign-in): the request form,
 * the email confirmation link, the status page and the one-time download.
 */
export default class PortalController {
  async show({ params, inertia }: HttpContext) {
    const desk = await portalDesk(params.slug)
    return inertia.render('privacy/portal', {
      organisation: desk.workspace!.name,
      action: `/privacy/${desk.workspace!.slug}/requests`,
      types: REQUEST_TYPES.map((value) => ({ value, label: REQUEST_TYPE_LABELS[value] })),
      regimes: REGIMES.map((value) => ({ value, label: REGIME_LABELS[value] })),
      purposes: [...OBJECTION_PURPOSES],
    })
  }

  async store({ params, request, response, session }: HttpContext) {
    const desk = await portalDesk(params.slug)
    const input = await request.validateUsing(intakeValidator)
    const submitted = await intakeLimiter().attempt(rateLimitKey('privacy_intake', desk.workspace!.id, request.ip()), async () => {
      await new SubmitRequest().handle(desk, input)
      return true
    })
    if (!submitted) {
      throw new UserFacingError('Too many requests from your connection. Wait 15 minutes and try again.', undefined, { status: 429, code: 'E_TOO_MANY_REQUESTS' })
    }
    // The same answer whether the address is known or not, new or merged.
    session.flash('success', `Check your inbox: we sent a confirmation link to ${input.email}. Your request starts once you confirm it.`)
    return response.redirect(`/privacy/${desk.workspace!.slug}`)
  }

  async verify({ params, request, response }: HttpContext) {
    if (!request.hasValidSignature('privacy.portal.verify')) {
      throw new GoneError('This confirmation link is invalid or has expired. Send your request again to get a new one.')
    }
    const desk = await portalDesk(params.slug)
    const { request: verified, statusToken } = await new VerifyRequestEmail().handle(desk, params.id, String(params.token))
    return response.redirect(`/privacy/${desk.workspace!.slug}/status/${verified.id}/${statusToken}?confirmed=1`)
  }

  async status({ params, request: httpRequest, inertia }: HttpContext) {
    const desk = await portalDesk(params.slug)
    const request = await this.#byStatusToken(desk, params.id, params.token)
    const certificate = request.type === 'erasure' ? await PrivacyCertificate.query().where('workspace_id', desk.workspace!.id).where('request_id', request.id).first() : null
    const timezone = desk.workspace!.timezone
    return inertia.render('privacy/status', {
      organisation: desk.workspace!.name,
      confirmed: httpRequest.qs().confirmed === '1',
      request: {
        reference: referenceOf(request),
        typeLabel: REQUEST_TYPE_LABELS[request.type],
        status: request.status,
        statusLabel: STATUS_LABELS[request.status],
        receivedAt: formatDate(request.receivedAt, timezone),
        dueAt: formatDate(request.effectiveDueAt, timezone),
        extensionReason: request.extensionReason,
        completedAt: request.completedAt ? formatDate(request.completedAt, timezone) : null,
        rejectionReason: request.rejectionReason,
      },
      certificateUrl: certificate ? `/privacy/${desk.workspace!.slug}/status/${request.id}/${params.token}/certificate` : null,
      // No address to mail the download link to (a widget visitor known by the site's user id): offered here.
      exportUrl: !request.email && (await waitingExportOf(request)) ? `/privacy/${desk.workspace!.slug}/status/${request.id}/${params.token}/export` : null,
    })
  }

  /** A fresh single-use download link for a requester without an address on file, then straight to it. */
  async exportLink({ params, response }: HttpContext) {
    const desk = await portalDesk(params.slug)
    const request = await this.#byStatusToken(desk, params.id, params.token)
    return response.redirect(await new IssueExportLink().handle(request))
  }

  async certificate({ params, response }: HttpContext) {
    const desk = await portalDesk(params.slug)
    const request = await this.#byStatusToken(desk, params.id, params.token)
    const certificate = await PrivacyCertificate.query().where('workspace_id', desk.workspace!.id).where('request_id', request.id).first()
    if (!certificate) throw new UserFacingError('This request has no erasure certificate.', undefined, { status: 409 })
    response.header('content-disposition', `attachment; filename="erasure-certificate-${certificate.id}.json"`)
    return response.json({ algorithm: 'Ed25519', payload: certificate.payload, signature: certificate.signature, publicKey: certificate.publicKey })
  }

  async download({ params, request, response }: HttpContext) {
    if (!request.hasValidSignature('privacy.portal.download')) {
      throw new GoneError('This download link is invalid or has expired. Ask again for a new export.')
    }
    const { archive, filename } = await new DownloadExport().handle(params.id, String(params.token))
    response.header('content-type', 'application/zip')
    response.header('content-disposition', `attachment; filename="${filename}"`)
    response.header('cache-control', 'no-store')
    return response.send(archive)
  }

  /** The public key erasure certificates are signed with (also in docs/privacy.md's verification notes). */
  async signingKey({ response }: HttpContext) {
    response.header('content-type', 'text/plain; charset=utf-8')
    return response.send(`Ed25519 ${await platformPublicKey()}\n`)
  }

  async #byStatusToken(desk: Desk, id: unknown, token: unknown) {
    if (!isUuid(id)) throw new GoneError('This status link is not valid.')
    const request = await findRequestOrFail(desk, id).catch(() => null)
    if (!request?.statusTokenHash || request.statusTokenHash !== hashLinkToken(String(token))) {
      throw new GoneError('This status link is not valid any more. Use the link in the most recent email we sent you.')
    }
    return request
  }
}
