import { DateTime } from 'luxon'
import { audit } from '#core/audit'
import { GoneError } from '#core/errors'
import { RecordNotFoundException, isUuid } from '#core/tenancy'
import Subprocessor from '#governance/models/subprocessor'

/** Stops using a subprocessor (no notice needed to remove one). */
export default class RetireSubprocessor {
  async handle(id: string, operatorId: string) {
    const subprocessor = isUuid(id) ? await Subprocessor.find(id) : null
    if (!subprocessor) throw new RecordNotFoundException('Subprocessor not found')
    if (subprocessor.retiredAt) throw new GoneError('This subprocessor is already retired.')
    subprocessor.retiredAt = DateTime.now()
    await subprocessor.save()
    await audit({ action: 'subprocessor.retired', workspaceId: null, targetType: 'subprocessor', targetId: subprocessor.id, actor: { type: 'operator', id: operatorId } })
    return subprocessor
  }
}
