import { DateTime } from 'luxon'
import jobs from '#core/jobs'
import { audit } from '#core/audit'
import { UserFacingError } from '#core/errors'
import Subprocessor from '#governance/models/subprocessor'
import { SEND_NOTICES_JOB } from '#governance/jobs/send_notices'

export const DEFAULT_NOTICE_DAYS = 30

export interface SubprocessorInput {
  name: string
  legalEntity: string
  country: string
  category: string
  purpose: string
  region: string
  transferMechanism: string
  processesWorkspaceData: boolean
  noticeDays?: number
}

/** Adds a subprocessor that takes effect after the notice period; owners are emailed now. */
export default class AnnounceSubprocessor {
  async handle(input: SubprocessorInput, operatorId: string) {
    const noticeDays = input.noticeDays ?? DEFAULT_NOTICE_DAYS
    if (noticeDays < DEFAULT_NOTICE_DAYS) {
      throw new UserFacingError(`The notice period is at least ${DEFAULT_NOTICE_DAYS} days: owners must be able to object before a subprocessor takes effect.`, 'noticeDays')
    }
    const { noticeDays: _, ...fields } = input
    const now = DateTime.now()
    const subprocessor = await Subprocessor.create({ ...fields, announcedAt: now, effectiveAt: now.plus({ days: noticeDays }), retiredAt: null, createdByUserId: operatorId })
    await audit({ action: 'subprocessor.announced', workspaceId: null, targetType: 'subprocessor', targetId: subprocessor.id, actor: { type: 'operator', id: operatorId }, metadata: { noticeDays } })
    await jobs.dispatch(SEND_NOTICES_JOB, { kind: 'subprocessor', id: subprocessor.id })
    return subprocessor
  }
}
