import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { UserFacingError } from '#core/errors'
import PrivacyRequestEvent from '#privacy/models/privacy_request_event'
import PrivacyRecipientTask from '#privacy/models/privacy_recipient_task'
import PrivacyCertificate from '#privacy/models/privacy_certificate'
import PrivacyExport from '#privacy/models/privacy_export'
import { findRequestOrFail, requestsOf } from '#privacy/services/desk'
import { collectSubjectData, identifiersOf, resolveSubject, summarize } from '#privacy/services/subject_lookup'
import { OPEN_STATUSES, REQUEST_TYPE_LABELS, OBJECTION_PURPOSES } from '#privacy/services/request_types'
import { requestDetailDto, requestListItemDto, referenceOf } from '#privacy/presenters/requests'
import { deskContext } from '#privacy/controllers/desk_context'
import { assignValidator, fulfilValidator, identifierValidator, noteValidator, queueFiltersValidator, reasonValidator, staffVerifyValidator } from '#privacy/validators/privacy'
import VerifyRequest from '#privacy/actions/verify_request'
import ExtendRequest from '#privacy/actions/extend_request'
import ApproveRequest from '#privacy/actions/approve_request'
import FulfilRequest from '#privacy/actions/fulfil_request'
import RejectRequest from '#privacy/actions/reject_request'
import AddRequestNote from '#privacy/actions/add_request_note'
import AddRequestIdentifier from '#privacy/actions/add_request_identifier'
import AssignRequest from '#privacy/actions/assign_request'
import CompleteRecipientTask from '#privacy/actions/complete_recipient_task'

const PAGE_SIZE = 50

/** The privacy desk's queue and request pages (workspace desk, or the operator's platform desk). */
export default class RequestsController {
  async index(ctx: HttpContext) {
    const { desk, base, timezone, staff } = await deskContext(ctx)
    const filters = await queueFiltersValidator.validate(ctx.request.qs())
    const status = filters.status ?? 'open'
    const query = requestsOf(desk).orderBy('due_at', 'asc')
    if (status === 'open') query.whereIn('status', OPEN_STATUSES)
    if (status === 'overdue') query.whereIn('status', OPEN_STATUSES).whereRaw('COALESCE(extended_due_at, due_at) < ?', [DateTime.now().toJSDate()])
    if (status === 'completed' || status === 'rejected') query.where('status', status)
    const page = await query.paginate(filters.page ?? 1, PAGE_SIZE)
    return ctx.inertia.render('privacy/requests', {
      base,
      scope: desk.workspace ? 'workspace' : 'platform',
      organisation: desk.workspace?.name ?? 'Vaultdesk platform',
      filter: status,
      requests: page.all().map((request) => requestListItemDto(request, timezone, staff)),
      pagination: { page: page.currentPage, lastPage: page.lastPage, total: page.total },
    })
  }

  async show(ctx: HttpContext) {
    const { desk, base, timezone, staff } = await deskContext(ctx)
    const request = await findRequestOrFail(desk, ctx.params.id)
    const scoped = <Q extends { where: Function; whereNull: Function }>(query: Q) =>
      (desk.workspace ? query.where('workspace_id', desk.workspace.id) : query.whereNull('workspace_id')) as Q
    // One after the other: a transaction's connection runs one query at a time.
    const events = await scoped(PrivacyRequestEvent.query()).where('request_id', request.id).orderBy('created_at', 'asc')
    const tasks = await scoped(PrivacyRecipientTask.query()).where('request_id', request.id).orderBy('created_at', 'asc')
    const certificate = await scoped(PrivacyCertificate.query()).where('request_id', request.id).first()
    const exports = await scoped(PrivacyExport.query()).where('request_id', request.id).orderBy('created_at', 'desc')
    // The data found is looked up live while the request is open (what a fulfilment would act on).
    const identifiers = identifiersOf(request)
    const identifiable = identifiers.emails.length + identifiers.phones.length + identifiers.externalIds.length + Object.keys(identifiers.ids).length > 0
    const dataFound = request.isOpen && identifiable ? summarize(await collectSubjectData(await resolveSubject(identifiers))) : null
    return ctx.inertia.render('privacy/request', {
      base,
      request: requestDetailDto(request, { timezone, names: staff, events, tasks, certificate, exports, dataFound }),
      reference: referenceOf(request),
      typeLabel: REQUEST_TYPE_LABELS[request.type],
      staff: [...staff].map(([value, label]) => ({ value, label })),
      purposes: [...OBJECTION_PURPOSES],
    })
  }

  async verify(ctx: HttpContext) {
    const { desk, base } = await deskContext(ctx)
    const request = await findRequestOrFail(desk, ctx.params.id)
    const { note } = await ctx.request.validateUsing(staffVerifyValidator)
    await new VerifyRequest().handle(desk, request, ctx.auth.user!.id, note)
    return this.#back(ctx, base, request.id, 'The requester’s identity is verified.')
  }

  async extend(ctx: HttpContext) {
    const { desk, base } = await deskContext(ctx)
    const request = await findRequestOrFail(desk, ctx.params.id)
    const { reason } = await ctx.request.validateUsing(reasonValidator)
    await new ExtendRequest().handle(desk, request, ctx.auth.user!.id, reason)
    return this.#back(ctx, base, request.id, 'The deadline is extended and the requester was told why.')
  }

  async approve(ctx: HttpContext) {
    const { desk, base } = await deskContext(ctx)
    const request = await findRequestOrFail(desk, ctx.params.id)
    await new ApproveRequest().handle(request, ctx.auth.user!.id)
    return this.#back(ctx, base, request.id, 'Request approved. You can fulfil it now.')
  }

  async fulfil(ctx: HttpContext) {
    const { desk, base } = await deskContext(ctx)
    const request = await findRequestOrFail(desk, ctx.params.id)
    const input = await ctx.request.validateUsing(fulfilValidator)
    const result = await new FulfilRequest().handle(desk, request, ctx.auth.user!.id, input)
    const message = result.status === 'completed' ? 'Request fulfilled and the requester informed.' : 'Fulfilment started: it runs in the background.'
    return this.#back(ctx, base, request.id, message)
  }

  async reject(ctx: HttpContext) {
    const { desk, base } = await deskContext(ctx)
    const request = await findRequestOrFail(desk, ctx.params.id)
    const { reason } = await ctx.request.validateUsing(reasonValidator)
    await new RejectRequest().handle(desk, request, ctx.auth.user!.id, reason)
    return this.#back(ctx, base, request.id, 'Request rejected and the requester told why.')
  }

  async note(ctx: HttpContext) {
    const { desk, base } = await deskContext(ctx)
    const request = await findRequestOrFail(desk, ctx.params.id)
    const { note } = await ctx.request.validateUsing(noteValidator)
    await new AddRequestNote().handle(request, ctx.auth.user!.id, note)
    return this.#back(ctx, base, request.id, 'Note added.')
  }

  /** Another identifier to search the subject's records by (phone, external id). */
  async identifier(ctx: HttpContext) {
    const { desk, base } = await deskContext(ctx)
    const request = await findRequestOrFail(desk, ctx.params.id)
    const { kind, value } = await ctx.request.validateUsing(identifierValidator)
    await new AddRequestIdentifier().handle(request, ctx.auth.user!.id, kind, value)
    return this.#back(ctx, base, request.id, 'Identifier added: the data found now includes records found by it.')
  }

  async assign(ctx: HttpContext) {
    const { desk, base, staff } = await deskContext(ctx)
    const request = await findRequestOrFail(desk, ctx.params.id)
    const { assigneeUserId } = await ctx.request.validateUsing(assignValidator)
    await new AssignRequest().handle(request, ctx.auth.user!.id, assigneeUserId, [...staff.keys()])
    return this.#back(ctx, base, request.id, 'Assignee saved.')
  }

  async completeTask(ctx: HttpContext) {
    const { desk, base } = await deskContext(ctx)
    const request = await findRequestOrFail(desk, ctx.params.id)
    await new CompleteRecipientTask().handle(request, ctx.params.taskId, ctx.auth.user!.id)
    return this.#back(ctx, base, request.id, 'Recipient marked as notified.')
  }

  /** The signed certificate as a JSON file (verify with `node ace privacy:verify-certificate <file>`). */
  async certificate(ctx: HttpContext) {
    const { desk } = await deskContext(ctx)
    const request = await findRequestOrFail(desk, ctx.params.id)
    const query = PrivacyCertificate.query().where('request_id', request.id)
    const certificate = await (desk.workspace ? query.where('workspace_id', desk.workspace.id) : query.whereNull('workspace_id')).first()
    if (!certificate) throw new UserFacingError('This request has no erasure certificate (yet): certificates are issued when an erasure completes.', undefined, { status: 409 })
    ctx.response.header('content-disposition', `attachment; filename="erasure-certificate-${certificate.id}.json"`)
    return ctx.response.json({ algorithm: 'Ed25519', payload: certificate.payload, signature: certificate.signature, publicKey: certificate.publicKey })
  }

  #back(ctx: HttpContext, base: string, id: string, message: string) {
    ctx.session.flash('success', message)
    return ctx.response.redirect(`${base}/${id}`)
  }
}
