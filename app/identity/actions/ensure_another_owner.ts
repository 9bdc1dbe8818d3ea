import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Membership from '#identity/models/membership'
import { UserFacingError } from '#core/errors'

/**
 * A workspace always keeps at least one owner. Owner rows are locked so two
 * owners demoting each other at once cannot both succeed.
 */
export async function ensureAnotherOwner(trx: TransactionClientContract, membership: Membership, message: string) {
  if (membership.role !== 'owner') return
  const owners = await Membership.query({ client: trx })
    .where('workspace_id', membership.workspaceId)
    .where('role', 'owner')
    .forUpdate()
  if (owners.filter((owner) => owner.id !== membership.id).length === 0) {
    throw new UserFacingError(message)
  }
}
