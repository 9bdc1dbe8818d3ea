import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Membership from '#identity/models/membership'
import User from '#identity/models/user'
import { UserFacingError } from '#core/errors'
import { findPendingInvitation } from '#identity/actions/find_pending_invitation'
import { audit } from '#core/audit'

/**
 * Joins the invited workspace. The signed-in account must own the invited
 * address: the invitation mail is what proves it, so an accepted
 * invitation also verifies the email.
 */
export default class AcceptInvitation {
  async handle(token: unknown, user: User) {
    const invitation = await findPendingInvitation(token)
    if (User.normalizeEmail(user.email) !== invitation.email) {
      throw new UserFacingError(
        `This invitation was sent to ${invitation.email}. Sign in with that address to accept it.`,
        undefined,
        { status: 403, code: 'E_INVITATION_EMAIL_MISMATCH' }
      )
    }
    await db.transaction(async (trx) => {
      const existing = await Membership.query({ client: trx })
        .where('workspace_id', invitation.workspaceId)
        .where('user_id', user.id)
        .first()
      if (!existing) {
        await Membership.create(
          { workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role },
          { client: trx }
        )
      }
      invitation.useTransaction(trx)
      invitation.acceptedAt = DateTime.now()
      await invitation.save()
      user.useTransaction(trx)
      user.emailVerifiedAt ??= DateTime.now()
      user.lastWorkspaceId = invitation.workspaceId
      await user.save()
    })
    await audit({
      action: 'invitation.accepted',
      workspaceId: invitation.workspaceId,
      targetType: 'invitation',
      targetId: invitation.id,
      metadata: { role: invitation.role },
      actor: { type: 'user', id: user.id },
    })
    return invitation.workspace
  }
}
