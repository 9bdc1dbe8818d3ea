import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import Invitation from '#identity/models/invitation'
import Membership from '#identity/models/membership'
import User from '#identity/models/user'
import type Workspace from '#identity/models/workspace'
import type { Role } from '#identity/roles'
import { ROLE_LABELS } from '#identity/roles'
import { UserFacingError } from '#core/errors'
import { generateToken } from '#identity/services/one_time_token'
import { invitationMail } from '#identity/mails/index'
import { absoluteLink } from '#core/links'
import { audit } from '#core/audit'
import { enforceLimit } from '#core/plan_limits'

/**
 * Invites an address to a workspace with a role. Re-inviting a pending
 * address replaces its link (the old one stops working).
 */
export default class InviteMember {
  async handle(workspace: Workspace, inviter: User, input: { email: string; role: Role }) {
    const email = User.normalizeEmail(input.email)
    const existingUser = await User.findByEmail(email)
    if (existingUser) {
      const member = await Membership.query()
        .where('workspace_id', workspace.id)
        .where('user_id', existingUser.id)
        .first()
      if (member) throw new UserFacingError(`${email} is already a member of this workspace.`, 'email')
    }
    // A seat is taken once invited (members + pending invitations); the plan's limit is checked first.
    await enforceLimit(workspace.id, 'seats')
    await Invitation.query()
      .where('workspace_id', workspace.id)
      .where('email', email)
      .whereNull('accepted_at')
      .whereNull('revoked_at')
      .update({ revoked_at: DateTime.now().toSQL() })
    const { token, tokenHash } = generateToken()
    const invitation = await Invitation.create({
      workspaceId: workspace.id,
      email,
      role: input.role,
      tokenHash,
      invitedById: inviter.id,
      expiresAt: DateTime.now().plus({ days: 7 }),
    })
    await audit({ action: 'invitation.sent', workspaceId: workspace.id, targetType: 'invitation', targetId: invitation.id, metadata: { role: input.role }, actor: { type: 'user', id: inviter.id } })
    const url = absoluteLink('invitations.show', { token })
    await mail.send(invitationMail(email, inviter.fullName, workspace.name, ROLE_LABELS[input.role], url))
    return invitation
  }
}
