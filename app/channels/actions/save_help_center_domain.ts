import { randomBytes } from 'node:crypto'
import { audit } from '#core/audit'
import { UserFacingError } from '#core/errors'
import HelpCenterDomain from '#channels/models/help_center_domain'
import { appHostname, normalizeDomain } from '#channels/services/custom_domains'

/**
 * Sets the workspace's custom help-center domain: a fresh verification
 * token each time the domain changes; served only after verification.
 * One workspace per domain.
 */
export default class SaveHelpCenterDomain {
  async handle(workspaceId: string, value: string) {
    const domain = normalizeDomain(value)
    if (!domain) throw new UserFacingError(`“${value}” is not a domain name such as help.example.com (no https://, port or path).`, 'domain')
    if (domain === appHostname()) throw new UserFacingError('That is this app’s own address; use a domain of yours, such as help.example.com.', 'domain')
    const taken = await HelpCenterDomain.query().where('domain', domain).whereNot('workspace_id', workspaceId).first()
    if (taken) throw new UserFacingError('This domain is already used by another help center.', 'domain')
    const existing = await HelpCenterDomain.query().where('workspace_id', workspaceId).first()
    if (existing?.domain === domain) return existing
    const record = existing ?? new HelpCenterDomain()
    record.merge({ workspaceId, domain, verificationToken: randomBytes(16).toString('hex'), verifiedAt: null, lastCheckedAt: null })
    await record.save()
    await audit({ action: 'help_center.domain_set', workspaceId, targetType: 'help_center_domain', targetId: record.id, metadata: { domain } })
    return record
  }
}
