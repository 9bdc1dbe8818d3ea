import { DateTime } from 'luxon'
import Invitation from '#identity/models/invitation'
import type Workspace from '#identity/models/workspace'
import { findInWorkspaceOrFail } from '#core/tenancy'
import { UserFacingError } from '#core/errors'
import { audit } from '#core/audit'

export default class RevokeInvitation {
  async handle(workspace: Workspace, invitationId: unknown) {
    const invitation = await findInWorkspaceOrFail(Invitation, workspace, invitationId, 'Invitation')
    if (invitation.acceptedAt) throw new UserFacingError('This invitation was already accepted.')
    invitation.revokedAt ??= DateTime.now()
    await invitation.save()
    await audit({ action: 'invitation.revoked', workspaceId: workspace.id, targetType: 'invitation', targetId: invitation.id })
    return invitation
  }
}
