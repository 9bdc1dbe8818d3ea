import { audit, type AuditMetadata } from '#core/audit'
import PrivacyRequestEvent from '#privacy/models/privacy_request_event'
import type PrivacyRequest from '#privacy/models/privacy_request'

export interface TrailActor {
  type: 'user' | 'subject' | 'system' | 'operator'
  userId?: string | null
}

/**
 * Records one step of a request in its own trail (the note sealed with the
 * request's key) and in the audit log (ids and enum values only).
 */
export async function recordStep(
  request: PrivacyRequest,
  action: string,
  actor: TrailActor,
  options: { note?: string | null; metadata?: AuditMetadata } = {}
) {
  await PrivacyRequestEvent.create({
    workspaceId: request.workspaceId,
    keyScope: request.keyScope,
    requestId: request.id,
    actorType: actor.type,
    actorUserId: actor.userId ?? null,
    action,
    note: options.note ?? null,
    metadata: options.metadata ?? {},
  })
  await audit({
    action: `privacy.request_${action}`,
    workspaceId: request.workspaceId,
    targetType: 'privacy_request',
    targetId: request.id,
    metadata: { type: request.type, ...(options.metadata ?? {}) },
    actor: actor.type === 'user' || actor.type === 'operator' ? { type: actor.type, id: actor.userId ?? null } : { type: 'system', id: null },
  })
}
