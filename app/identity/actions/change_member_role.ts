import db from '@adonisjs/lucid/services/db'
import type Membership from '#identity/models/membership'
import type { Role } from '#identity/roles'
import { ensureAnotherOwner } from '#identity/actions/ensure_another_owner'
import { audit } from '#core/audit'

export default class ChangeMemberRole {
  async handle(membership: Membership, role: Role) {
    if (membership.role === role) return membership
    const previousRole = membership.role
    await db.transaction(async (trx) => {
      if (role !== 'owner') {
        await ensureAnotherOwner(trx, membership, 'This is the last owner. Make someone else an owner first.')
      }
      membership.useTransaction(trx)
      membership.role = role
      await membership.save()
    })
    await audit({
      action: 'member.role_changed',
      workspaceId: membership.workspaceId,
      targetType: 'user',
      targetId: membership.userId,
      metadata: { from: previousRole, to: role },
    })
    return membership
  }
}
