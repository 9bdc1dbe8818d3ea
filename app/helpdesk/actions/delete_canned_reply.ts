import CannedReply from '#helpdesk/models/canned_reply'
import { findInWorkspace } from '#helpdesk/services/records'

export default class DeleteCannedReply {
  async handle(workspaceId: string, replyId: string) {
    const reply = await findInWorkspace(CannedReply, workspaceId, replyId, { label: 'Canned reply' })
    await reply.delete()
    return reply
  }
}
