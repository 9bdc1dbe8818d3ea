import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import { audit } from '#core/audit'
import { RecordNotFoundException } from '#core/tenancy'
import { UserFacingError } from '#core/errors'
import HelpCenterDomain from '#channels/models/help_center_domain'
import { resolveTxt } from '#channels/services/dns_txt'
import { verificationRecordName, verificationRecordValue } from '#channels/services/custom_domains'

/** Looks up the TXT record; once it carries the workspace's token, the help center is served on the domain. */
export default class VerifyHelpCenterDomain {
  async handle(workspaceId: string) {
    const record = await HelpCenterDomain.query().where('workspace_id', workspaceId).first()
    if (!record) throw new RecordNotFoundException('Set a custom domain first.')
    const name = verificationRecordName(record.domain)
    let values: string[]
    try {
      values = await resolveTxt(name)
    } catch (error) {
      logger.warn({ err: error, domain: record.domain }, 'help center: DNS lookup failed')
      throw new UserFacingError('The DNS lookup failed. Try again in a few minutes.', undefined, { status: 503, code: 'E_DNS_UNAVAILABLE' })
    }
    record.lastCheckedAt = DateTime.now()
    const verified = values.includes(verificationRecordValue(record.verificationToken))
    if (verified && !record.verifiedAt) record.verifiedAt = DateTime.now()
    await record.save()
    if (!verified) {
      throw new UserFacingError(
        values.length
          ? `The TXT record ${name} does not hold the expected value yet. DNS changes can take a while to appear.`
          : `No TXT record ${name} was found yet. DNS changes can take a while to appear.`,
        'domain'
      )
    }
    await audit({ action: 'help_center.domain_verified', workspaceId, targetType: 'help_center_domain', targetId: record.id, metadata: { domain: record.domain } })
    return record
  }
}
