import db from '@adonisjs/lucid/services/db'
import User from '#identity/models/user'
import type Membership from '#identity/models/membership'
import { ensureAnotherOwner } from '#identity/actions/ensure_another_owner'
import { audit } from '#core/audit'

/** Removes a member (or lets a member leave); the last owner cannot go. */
export default class RemoveMember {
  async handle(membership: Membership) {
    await db.transaction(async (trx) => {
      await ensureAnotherOwner(trx, membership, 'The last owner cannot be removed. Make someone else an owner first.')
      await membership.useTransaction(trx).delete()
      await User.query({ client: trx })
        .where('id', membership.userId)
        .where('last_workspace_id', membership.workspaceId)
        .update({ last_workspace_id: null })
    })
    await audit({ action: 'member.removed', workspaceId: membership.workspaceId, targetType: 'user', targetId: membership.userId, metadata: { role: membership.role } })
  }
}
