import { audit } from '#core/audit'
import HelpCenterDomain from '#channels/models/help_center_domain'

/** The help center goes back to living only at /help/<slug>. */
export default class RemoveHelpCenterDomain {
  async handle(workspaceId: string) {
    const record = await HelpCenterDomain.query().where('workspace_id', workspaceId).first()
    if (!record) return
    await record.delete()
    await audit({ action: 'help_center.domain_removed', workspaceId, targetType: 'help_center_domain', targetId: record.id, metadata: { domain: record.domain } })
  }
}
