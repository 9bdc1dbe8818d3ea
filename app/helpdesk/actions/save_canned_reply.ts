import { UserFacingError } from '#core/errors'
import CannedReply from '#helpdesk/models/canned_reply'
import { findInWorkspace } from '#helpdesk/services/records'
import { cleanBody } from '#helpdesk/services/conversation'

export interface CannedReplyInput {
  workspaceId: string
  id?: string
  title: string
  body: string
  actorUserId: string | null
}

/** Creates or edits a canned reply (its body is sealed with the workspace key). */
export default class SaveCannedReply {
  async handle(input: CannedReplyInput) {
    const title = input.title.replace(/\s+/g, ' ').trim()
    if (!title) throw new UserFacingError('Give the reply a title.', 'title')
    if (title.length > 120) throw new UserFacingError('Titles can be at most 120 characters.', 'title')
    const body = cleanBody(input.body)
    const reply = input.id ? await findInWorkspace(CannedReply, input.workspaceId, input.id, { label: 'Canned reply' }) : new CannedReply()
    if (!reply.$isPersisted) reply.merge({ workspaceId: input.workspaceId, createdByUserId: input.actorUserId })
    reply.merge({ title, body })
    await reply.save()
    return reply
  }
}
