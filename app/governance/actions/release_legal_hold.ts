import { DateTime } from 'luxon'
import { audit } from '#core/audit'
import { GoneError } from '#core/errors'
import { findInWorkspaceOrFail } from '#core/tenancy'
import LegalHold from '#governance/models/legal_hold'

/** Releases a hold, with the reason; retention resumes for the target at the next run. */
export default class ReleaseLegalHold {
  async handle(input: { workspaceId: string; holdId: string; reason: string; actorUserId: string }) {
    const hold = await findInWorkspaceOrFail(LegalHold, { id: input.workspaceId }, input.holdId, 'Legal hold')
    if (hold.releasedAt) throw new GoneError('This legal hold was already released.')
    hold.merge({ releasedAt: DateTime.now(), releasedByUserId: input.actorUserId, releaseReason: input.reason })
    await hold.save()
    await audit({ action: 'legal_hold.released', workspaceId: input.workspaceId, targetType: `hold_${hold.scope}`, targetId: hold.targetId ?? input.workspaceId, metadata: { holdId: hold.id } })
    return hold
  }
}
