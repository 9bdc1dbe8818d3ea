import { DateTime } from 'luxon'
import { audit } from '#core/audit'
import { GoneError } from '#core/errors'
import { findInWorkspaceOrFail } from '#core/tenancy'
import SupportGrant from '#governance/models/support_grant'

/** Ends a grant now; operators lose access on their next request. */
export default class RevokeSupportAccess {
  async handle(input: { workspaceId: string; grantId: string; actorUserId: string }) {
    const grant = await findInWorkspaceOrFail(SupportGrant, { id: input.workspaceId }, input.grantId, 'Grant')
    if (!grant.isActive()) throw new GoneError('This grant has already ended.')
    grant.merge({ revokedAt: DateTime.now(), revokedByUserId: input.actorUserId })
    await grant.save()
    await audit({ action: 'support_access.revoked', workspaceId: input.workspaceId, targetType: 'support_grant', targetId: grant.id })
    return grant
  }
}
