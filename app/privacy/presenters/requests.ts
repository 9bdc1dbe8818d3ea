import type { DateTime } from 'luxon'
import type PrivacyRequest from '#privacy/models/privacy_request'
import type PrivacyRequestEvent from '#privacy/models/privacy_request_event'
import type PrivacyRecipientTask from '#privacy/models/privacy_recipient_task'
import type PrivacyCertificate from '#privacy/models/privacy_certificate'
import type PrivacyExport from '#privacy/models/privacy_export'
import { daysLeft } from '#privacy/services/deadlines'
import { REGIME_LABELS, REQUEST_TYPE_LABELS, VERIFICATION_LABELS } from '#privacy/services/request_types'
import { STATUS_LABELS } from '#privacy/services/transitions'
import { formatDate } from '#privacy/services/desk'
import type { DataFoundSummary } from '#privacy/services/subject_lookup'

const iso = (date: DateTime | null | undefined) => date?.toISO() ?? null

export interface RequestListItemDto {
  id: string
  reference: string
  type: string
  typeLabel: string
  regime: string
  regimeLabel: string
  status: string
  statusLabel: string
  email: string
  receivedAt: string
  dueAt: string
  /** The due date in the desk's time zone, e.g. 26 December 2026. */
  dueDate: string
  daysLeft: number
  overdue: boolean
  extended: boolean
  assignee: string | null
  mergedCount: number
  /** How the requester's identity was proven (email link, widget session…), null while unverified. */
  verifiedVia: string | null
}

export function referenceOf(request: PrivacyRequest) {
  return `DSR-${request.id.slice(0, 8).toUpperCase()}`
}

/** Masks the address in lists (j•••@example.com); the detail page shows it in full. */
function maskEmail(email: string | null, request?: PrivacyRequest) {
  // A signed-in widget visitor may have no address on file.
  if (!email) return request?.subjectContactId ? 'widget visitor (no email)' : 'erased'
  const [local, domain] = email.split('@')
  return `${local.slice(0, 1)}•••@${domain ?? ''}`
}

export function requestListItemDto(request: PrivacyRequest, timezone: string, names: Map<string, string>): RequestListItemDto {
  const left = daysLeft(request.effectiveDueAt, timezone)
  return {
    id: request.id,
    reference: referenceOf(request),
    type: request.type,
    typeLabel: REQUEST_TYPE_LABELS[request.type],
    regime: request.regime,
    regimeLabel: REGIME_LABELS[request.regime],
    status: request.status,
    statusLabel: STATUS_LABELS[request.status],
    email: maskEmail(request.email, request),
    receivedAt: iso(request.receivedAt)!,
    dueAt: iso(request.effectiveDueAt)!,
    dueDate: formatDate(request.effectiveDueAt, timezone),
    daysLeft: left,
    overdue: request.isOpen && left < 0,
    extended: Boolean(request.extendedDueAt),
    assignee: request.assigneeUserId ? names.get(request.assigneeUserId) ?? 'Former member' : null,
    mergedCount: request.mergedCount,
    verifiedVia: request.verifiedVia ? VERIFICATION_LABELS[request.verifiedVia] : null,
  }
}

export function requestDetailDto(
  request: PrivacyRequest,
  context: {
    timezone: string
    names: Map<string, string>
    events: PrivacyRequestEvent[]
    tasks: PrivacyRecipientTask[]
    certificate: PrivacyCertificate | null
    exports: PrivacyExport[]
    dataFound: DataFoundSummary | null
  }
) {
  return {
    ...requestListItemDto(request, context.timezone, context.names),
    timezone: context.timezone,
    email: request.email ?? (request.subjectContactId ? 'widget visitor (no email on file)' : 'erased'),
    subjectContactId: request.subjectContactId,
    extraIdentifiers: [
      ...(request.extraIdentifiers?.phones ?? []).map((value) => ({ kind: 'Phone', value })),
      ...(request.extraIdentifiers?.externalIds ?? []).map((value) => ({ kind: 'External id', value })),
    ],
    details: request.details?.message ?? null,
    purposes: request.details?.purposes ?? [],
    verifiedAt: iso(request.verifiedAt),
    acknowledgeBy: iso(request.acknowledgeBy),
    acknowledgedAt: iso(request.acknowledgedAt),
    originalDueAt: iso(request.dueAt)!,
    extensionReason: request.extensionReason,
    canExtend: request.isOpen && !request.extendedDueAt && daysLeft(request.dueAt, context.timezone) >= 0,
    blockedReason: request.blockedReason,
    rejectionReason: request.rejectionReason,
    completedAt: iso(request.completedAt),
    assigneeUserId: request.assigneeUserId,
    trail: context.events.map((event) => ({
      id: event.id,
      at: iso(event.createdAt)!,
      action: event.action.replaceAll('_', ' '),
      actor: event.actorType === 'user' || event.actorType === 'operator' ? context.names.get(event.actorUserId ?? '') ?? 'Staff' : event.actorType === 'subject' ? 'Requester' : 'System',
      note: event.isShredded ? '(erased with the request’s identifiers)' : event.note,
      details: Object.entries(event.metadata ?? {})
        .map(([key, value]) => `${key}: ${value}`)
        .join(', '),
    })),
    tasks: context.tasks.map((task) => ({ id: task.id, recipient: task.recipientName, kind: task.recipientKind, purpose: task.purpose, status: task.status, completedAt: iso(task.completedAt) })),
    certificate: context.certificate
      ? { id: context.certificate.id, createdAt: iso(context.certificate.createdAt)!, payload: context.certificate.payload, publicKey: context.certificate.publicKey }
      : null,
    exports: context.exports.map((item) => ({ id: item.id, sizeBytes: item.sizeBytes, records: item.recordCount, createdAt: iso(item.createdAt)!, expiresAt: iso(item.expiresAt)!, downloadedAt: iso(item.downloadedAt) })),
    dataFound: context.dataFound,
  }
}

export type RequestDetailDto = ReturnType<typeof requestDetailDto>
