import type { HttpContext } from '@adonisjs/core/http'
import AssistantPolicy from '#assistant/policies/assistant_policy'
import SuggestReply from '#assistant/actions/suggest_reply'
import SummarizeTicket from '#assistant/actions/summarize_ticket'
import TicketSummary from '#assistant/models/ticket_summary'
import { citationDtos, ticketSummaryDto } from '#assistant/presenters/assistant'
import { streamEvents } from '#assistant/services/sse'
import { assertTicketInWorkspace } from '#assistant/services/tickets'
import { workspaceContext } from '#assistant/controllers/context'

/** AI on a ticket: the streamed suggested reply and the conversation summary. */
export default class TicketsController {
  /** POST → server-sent events: `citations`, then `text` deltas, then `done` (or `error`). */
  async suggest(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    await assertTicketInWorkspace(workspace.id, ctx.params.id)
    await ctx.bouncer.with(AssistantPolicy).authorize('draft', membership)
    const action = new SuggestReply()
    const plan = await action.plan({ workspaceId: workspace.id, workspaceName: workspace.name, ticketId: String(ctx.params.id), actorUserId: user.id })
    streamEvents(ctx, async (send) => {
      send('citations', { citations: citationDtos(workspace.slug, plan.passages) })
      const result = await action.stream(plan, (delta) => send('text', { delta }))
      send('done', { inputTokens: result.inputTokens, outputTokens: result.outputTokens })
    })
  }

  async summary(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await assertTicketInWorkspace(workspace.id, ctx.params.id)
    await ctx.bouncer.with(AssistantPolicy).authorize('draft', membership)
    // A list read: a shredded summary (contact erased) comes back marked, where first() would throw 410.
    const [summary] = await TicketSummary.query().where('workspace_id', workspace.id).where('ticket_id', String(ctx.params.id)).limit(1)
    return { summary: summary && !summary.isShredded ? ticketSummaryDto(summary) : null }
  }

  async summarize(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    await assertTicketInWorkspace(workspace.id, ctx.params.id)
    await ctx.bouncer.with(AssistantPolicy).authorize('draft', membership)
    const summary = await new SummarizeTicket().handle({ workspaceId: workspace.id, ticketId: String(ctx.params.id), actorUserId: user.id })
    return ctx.response.created({ summary: ticketSummaryDto(summary) })
  }
}

