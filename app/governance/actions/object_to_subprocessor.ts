import { DateTime } from 'luxon'
import { audit } from '#core/audit'
import { UserFacingError } from '#core/errors'
import { RecordNotFoundException, isUuid } from '#core/tenancy'
import Subprocessor from '#governance/models/subprocessor'
import SubprocessorObjection from '#governance/models/subprocessor_objection'

/** An owner objects to a new subprocessor; only during its notice period. */
export default class ObjectToSubprocessor {
  async handle(input: { workspaceId: string; subprocessorId: string; reason: string; actorUserId: string }) {
    const subprocessor = isUuid(input.subprocessorId) ? await Subprocessor.find(input.subprocessorId) : null
    if (!subprocessor) throw new RecordNotFoundException('Subprocessor not found')
    if (subprocessor.effectiveAt <= DateTime.now()) {
      throw new UserFacingError(
        `The notice period for ${subprocessor.name} ended on ${subprocessor.effectiveAt.toISODate()}: objections are no longer accepted. Contact support to discuss your options.`,
        undefined,
        { status: 409, code: 'E_NOTICE_PERIOD_OVER' }
      )
    }
    const existing = await SubprocessorObjection.query().where('workspace_id', input.workspaceId).where('subprocessor_id', subprocessor.id).first()
    if (existing) throw new UserFacingError('Your workspace already objected to this subprocessor.', undefined, { status: 409 })
    const objection = await SubprocessorObjection.create({ workspaceId: input.workspaceId, subprocessorId: subprocessor.id, userId: input.actorUserId, reason: input.reason })
    await audit({ action: 'subprocessor.objected', workspaceId: input.workspaceId, targetType: 'subprocessor', targetId: subprocessor.id })
    return objection
  }
}
