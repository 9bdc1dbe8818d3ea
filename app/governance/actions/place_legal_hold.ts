import { DateTime } from 'luxon'
import { audit } from '#core/audit'
import { UserFacingError } from '#core/errors'
import { Contact, Ticket, findContactByEmail } from '#helpdesk/index'
import { RecordNotFoundException, findInWorkspaceOrFail, isUuid } from '#core/tenancy'
import LegalHold, { type LegalHoldScope } from '#governance/models/legal_hold'

export interface PlaceLegalHoldInput {
  workspaceId: string
  scope: LegalHoldScope
  /** A contact (id or email) or a ticket (id or number, "#123") of this workspace; none for the whole workspace. */
  targetId: string | null
  reason: string
  actorUserId: string
}

/** Places a hold: retention skips the target and erasure requests about it are blocked until release. */
export default class PlaceLegalHold {
  async handle(input: PlaceLegalHoldInput) {
    const targetId = await this.#resolveTarget(input)
    const existing = await LegalHold.query()
      .where('workspace_id', input.workspaceId)
      .where('scope', input.scope)
      .whereNull('released_at')
      .if(targetId, (query) => query.where('target_id', targetId!), (query) => query.whereNull('target_id'))
      .first()
    if (existing) throw new UserFacingError('A legal hold is already in force for this target.', 'targetId')
    const hold = await LegalHold.create({
      workspaceId: input.workspaceId,
      scope: input.scope,
      targetId,
      reason: input.reason,
      placedByUserId: input.actorUserId,
      placedAt: DateTime.now(),
      releasedAt: null,
      releasedByUserId: null,
      releaseReason: null,
    })
    await audit({ action: 'legal_hold.placed', workspaceId: input.workspaceId, targetType: `hold_${input.scope}`, targetId: targetId ?? input.workspaceId, metadata: { holdId: hold.id } })
    return hold
  }

  /** Ids of other workspaces, unknown numbers and emails all answer 404 alike. */
  async #resolveTarget(input: PlaceLegalHoldInput): Promise<string | null> {
    if (input.scope === 'workspace') return null
    const workspace = { id: input.workspaceId }
    const target = (input.targetId ?? '').trim()
    const byId = isUuid(target as unknown)
    if (input.scope === 'ticket') {
      if (byId) return (await findInWorkspaceOrFail(Ticket, workspace, target, 'Ticket')).id
      const number = /^#?(\d{1,9})$/.exec(target)?.[1]
      const ticket = number ? await Ticket.query().where('workspace_id', input.workspaceId).where('number', Number(number)).first() : null
      if (!ticket) throw new RecordNotFoundException('Ticket not found')
      return ticket.id
    }
    if (byId) return (await findInWorkspaceOrFail(Contact, workspace, target, 'Contact')).id
    const contact = target.includes('@') ? await findContactByEmail(input.workspaceId, target) : null
    if (!contact) throw new RecordNotFoundException('Contact not found')
    return contact.id
  }
}
