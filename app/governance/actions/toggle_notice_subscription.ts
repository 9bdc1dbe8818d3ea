import { audit } from '#core/audit'
import SubprocessorSubscription from '#governance/models/subprocessor_subscription'

/** Subscribes a member to (or unsubscribes them from) subprocessor and policy notices. */
export default class ToggleNoticeSubscription {
  async handle(input: { workspaceId: string; userId: string; subscribe: boolean }) {
    const existing = await SubprocessorSubscription.query().where('workspace_id', input.workspaceId).where('user_id', input.userId).first()
    if (input.subscribe && !existing) await SubprocessorSubscription.create({ workspaceId: input.workspaceId, userId: input.userId })
    if (!input.subscribe && existing) await existing.delete()
    await audit({ action: input.subscribe ? 'subprocessor.subscribed' : 'subprocessor.unsubscribed', workspaceId: input.workspaceId, targetType: 'user', targetId: input.userId })
  }
}
