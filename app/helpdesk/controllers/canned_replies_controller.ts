import type { HttpContext } from '@adonisjs/core/http'
import HelpdeskPolicy from '#helpdesk/policies/helpdesk_policy'
import RenderCannedReply from '#helpdesk/actions/render_canned_reply'
import Ticket from '#helpdesk/models/ticket'
import CannedReply from '#helpdesk/models/canned_reply'
import { findInWorkspace } from '#helpdesk/services/records'
import { workspaceContext } from '#helpdesk/controllers/context'

export default class CannedRepliesController {
  /** JSON: a canned reply filled in for a ticket, for the composer. */
  async render(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    await findInWorkspace(Ticket, workspace.id, ctx.params.id, { label: 'Ticket' })
    await findInWorkspace(CannedReply, workspace.id, ctx.params.replyId, { label: 'Canned reply' })
    await ctx.bouncer.with(HelpdeskPolicy).authorize('work', membership)
    const body = await new RenderCannedReply().handle({
      workspaceId: workspace.id,
      ticketId: String(ctx.params.id),
      replyId: String(ctx.params.replyId),
      agentUserId: user.id,
    })
    return { body }
  }
}
