import { DateTime } from 'luxon'
import { Workspace } from '#identity/index'
import PrivacyRequest from '#privacy/models/privacy_request'
import { computeDeadlines } from '#privacy/services/deadlines'
import { recordStep } from '#privacy/services/trail'
import type { Regime, RequestStatus, RequestType } from '#privacy/services/request_types'

/**
 * A few requests in the demo workspace's privacy desk: one waiting for
 * approval, one in progress close to its deadline, one overdue (CCPA).
 */
export async function seedPrivacyDemo(workspaceId: string) {
  const workspace = await Workspace.findOrFail(workspaceId)
  const demo: { email: string; type: RequestType; regime: Regime; status: RequestStatus; daysAgo: number }[] = [
    // Two of the helpdesk demo's contacts (their data shows under "Data found"), one stranger.
    { email: 'maria.lopez@example.com', type: 'access', regime: 'gdpr', status: 'verified', daysAgo: 3 },
    { email: 'tom.berg@example.com', type: 'erasure', regime: 'gdpr', status: 'in_progress', daysAgo: 26 },
    { email: 'jordan.lee@example.com', type: 'access', regime: 'ccpa', status: 'verified', daysAgo: 50 },
  ]
  for (const item of demo) {
    const receivedAt = DateTime.now().minus({ days: item.daysAgo })
    const deadlines = computeDeadlines(item.regime, receivedAt, workspace.timezone, 30)
    const request = await PrivacyRequest.create({
      workspaceId,
      keyScope: workspaceId,
      type: item.type,
      regime: item.regime,
      status: item.status,
      subjectType: 'contact',
      email: item.email,
      verifiedVia: 'email',
      verifiedAt: receivedAt.plus({ hours: 2 }),
      receivedAt,
      acknowledgeBy: deadlines.acknowledgeBy,
      acknowledgedAt: receivedAt.plus({ hours: 2 }),
      dueAt: deadlines.dueAt,
      mergedCount: 0,
    })
    await recordStep(request, 'received', { type: 'subject' }, { metadata: { regime: item.regime, demo: true } })
  }
}
