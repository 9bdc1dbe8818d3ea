import { DateTime } from 'luxon'
import jobs from '#core/jobs'
import { audit } from '#core/audit'
import { UserFacingError } from '#core/errors'
import PolicyVersion from '#governance/models/policy_version'
import { SEND_NOTICES_JOB } from '#governance/jobs/send_notices'

export const POLICY_NOTICE_DAYS = 30

/** A new privacy-policy version, effective at least 30 days after it is announced to owners (Inviaro §13). */
export default class AnnouncePolicyVersion {
  async handle(input: { version: string; title: string; summary: string; body: string; effectiveAt: DateTime }, operatorId: string) {
    const now = DateTime.now()
    const earliest = now.plus({ days: POLICY_NOTICE_DAYS }).startOf('day')
    if (input.effectiveAt < earliest) {
      throw new UserFacingError(`The effective date must be on or after ${earliest.toISODate()}: policy changes are announced at least ${POLICY_NOTICE_DAYS} days ahead.`, 'effectiveAt')
    }
    if (await PolicyVersion.findBy('version', input.version)) throw new UserFacingError('This version label is already used.', 'version')
    const version = await PolicyVersion.create({ ...input, announcedAt: now, createdByUserId: operatorId })
    await audit({ action: 'policy.announced', workspaceId: null, targetType: 'policy_version', targetId: version.id, actor: { type: 'operator', id: operatorId }, metadata: { version: input.version } })
    await jobs.dispatch(SEND_NOTICES_JOB, { kind: 'policy_version', id: version.id })
    return version
  }
}
