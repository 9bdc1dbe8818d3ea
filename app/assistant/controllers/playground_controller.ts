import type { HttpContext } from '@adonisjs/core/http'
import { findInWorkspaceOrFail } from '#core/tenancy'
import AssistantPolicy from '#assistant/policies/assistant_policy'
import AskPlayground from '#assistant/actions/ask_playground'
import AssistantThread from '#assistant/models/assistant_thread'
import AssistantThreadMessage from '#assistant/models/assistant_thread_message'
import { citationDtos, threadListDto, threadMessageDto } from '#assistant/presenters/assistant'
import { assistantSettingsOf } from '#assistant/services/settings'
import { streamEvents } from '#assistant/services/sse'
import { askValidator } from '#assistant/validators/assistant'
import { workspaceContext } from '#assistant/controllers/context'

/** The playground: ask the knowledge base, see what was retrieved and why; threads are kept. */
export default class PlaygroundController {
  index(ctx: HttpContext) {
    return this.#render(ctx, null)
  }

  show(ctx: HttpContext) {
    return this.#render(ctx, ctx.params.threadId)
  }

  async #render(ctx: HttpContext, threadId: unknown) {
    const { workspace, membership } = workspaceContext(ctx)
    const thread = threadId ? await findInWorkspaceOrFail(AssistantThread, workspace, threadId, 'Thread') : null
    await ctx.bouncer.with(AssistantPolicy).authorize('manage', membership)
    const messages = thread
      ? await AssistantThreadMessage.query().where('workspace_id', workspace.id).where('thread_id', thread.id).orderBy('created_at')
      : []
    const threads = await AssistantThread.query().where('workspace_id', workspace.id).orderBy('updated_at', 'desc').limit(50)
    const settings = await assistantSettingsOf(workspace.id)
    return ctx.inertia.render('assistant/playground', {
      threads: threads.map(threadListDto),
      thread: thread ? threadListDto(thread) : null,
      messages: messages.map((message) => threadMessageDto(workspace.slug, message)),
      providerReady: settings.hasKey,
    })
  }

  /** POST → server-sent events: `thread`, `citations` (with scores), `text` deltas, `done` (or `error`). */
  async ask(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    const input = await ctx.request.validateUsing(askValidator)
    if (input.threadId) await findInWorkspaceOrFail(AssistantThread, workspace, input.threadId, 'Thread')
    await ctx.bouncer.with(AssistantPolicy).authorize('manage', membership)
    const action = new AskPlayground()
    const plan = await action.plan({ workspaceId: workspace.id, workspaceName: workspace.name, userId: user.id, threadId: input.threadId, question: input.question })
    streamEvents(ctx, async (send) => {
      send('thread', { threadId: plan.thread.id })
      send('citations', { citations: citationDtos(workspace.slug, plan.passages) })
      const { result, answer } = await action.stream(plan, (delta) => send('text', { delta }))
      send('done', { messageId: answer.id, inputTokens: result.inputTokens, outputTokens: result.outputTokens })
    })
  }
}
