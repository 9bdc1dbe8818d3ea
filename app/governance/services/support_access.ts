import { DateTime } from 'luxon'
import SupportGrant from '#governance/models/support_grant'

/** The grant letting operators into a workspace right now, or null. */
export function activeGrant(workspaceId: string) {
  const now = DateTime.now().toJSDate()
  return SupportGrant.query().where('workspace_id', workspaceId).whereNull('revoked_at').where('starts_at', '<=', now).where('expires_at', '>', now).orderBy('expires_at', 'desc').first()
}
