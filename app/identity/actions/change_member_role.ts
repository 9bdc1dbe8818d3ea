import db from '@adonisjs/lucid/services/db'
import type Membership from '#identity/models/membership'
import type { Role } from '#identity/roles'
import { ensureAnotherOwner } from '#identity/actions/ensure_another_owner'

export default class ChangeMemberRole {
  async handle(membership: Membership, role: Role) {
    if (membership.role === role) return membership
    await db.transaction(async (trx) => {
      if (role !== 'owner') {
        await ensureAnotherOwner(trx, membership, 'This is the last owner. Make someone else an owner first.')
      }
      membership.useTransaction(trx)
      membership.role = role
      await membership.save()
    })
    return membership
  }
}
