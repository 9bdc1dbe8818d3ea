import Membership from '#identity/models/membership'
import type Workspace from '#identity/models/workspace'
import { findInWorkspaceOrFail } from '#core/tenancy'

export async function findMember(workspace: Workspace, membershipId: unknown) {
  const membership = await findInWorkspaceOrFail(Membership, workspace, membershipId, 'Member')
  await membership.load('user')
  return membership
}
