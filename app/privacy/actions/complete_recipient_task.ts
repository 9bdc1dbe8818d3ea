import { DateTime } from 'luxon'
import { RecordNotFoundException, isUuid } from '#core/tenancy'
import type PrivacyRequest from '#privacy/models/privacy_request'
import PrivacyRecipientTask from '#privacy/models/privacy_recipient_task'
import { recordStep } from '#privacy/services/trail'

/** Staff mark that a recipient was told (GDPR Art. 19). */
export default class CompleteRecipientTask {
  async handle(request: PrivacyRequest, taskId: string, actorUserId: string) {
    if (!isUuid(taskId)) throw new RecordNotFoundException('Task not found')
    const query = PrivacyRecipientTask.query()
    const task = await (request.workspaceId ? query.where('workspace_id', request.workspaceId) : query.whereNull('workspace_id')).where('request_id', request.id).where('id', taskId).first()
    if (!task) throw new RecordNotFoundException('Task not found')
    task.merge({ status: 'done', completedAt: DateTime.now(), completedByUserId: actorUserId })
    await task.save()
    await recordStep(request, 'recipient_notified', { type: 'user', userId: actorUserId }, { metadata: { taskId: task.id, recipient: task.recipientName } })
    return task
  }
}
