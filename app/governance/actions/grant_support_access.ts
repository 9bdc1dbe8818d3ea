import { DateTime } from 'luxon'
import { audit } from '#core/audit'
import { UserFacingError } from '#core/errors'
import SupportGrant from '#governance/models/support_grant'

export const MIN_GRANT_HOURS = 1
export const MAX_GRANT_HOURS = 72

/** An owner lets platform operators into the workspace for 1 to 72 hours (replacing any active grant). */
export default class GrantSupportAccess {
  async handle(input: { workspaceId: string; hours: number; actorUserId: string }) {
    if (!Number.isInteger(input.hours) || input.hours < MIN_GRANT_HOURS || input.hours > MAX_GRANT_HOURS) {
      throw new UserFacingError(`Support access lasts ${MIN_GRANT_HOURS} to ${MAX_GRANT_HOURS} hours; grant again when it runs out.`, 'hours')
    }
    const now = DateTime.now()
    await SupportGrant.query().where('workspace_id', input.workspaceId).whereNull('revoked_at').where('expires_at', '>', now.toJSDate()).update({ revoked_at: now.toJSDate(), revoked_by_user_id: input.actorUserId })
    const grant = await SupportGrant.create({
      workspaceId: input.workspaceId,
      grantedByUserId: input.actorUserId,
      hours: input.hours,
      startsAt: now,
      expiresAt: now.plus({ hours: input.hours }),
      revokedAt: null,
      revokedByUserId: null,
    })
    await audit({ action: 'support_access.granted', workspaceId: input.workspaceId, targetType: 'support_grant', targetId: grant.id, metadata: { hours: input.hours } })
    return grant
  }
}
