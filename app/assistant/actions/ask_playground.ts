import { embedderFor, searchKnowledge, type RetrievedPassage } from '#knowledge/index'
import { findInWorkspaceOrFail } from '#core/tenancy'
import AssistantThread from '#assistant/models/assistant_thread'
import AssistantThreadMessage, { type RetrievalRecord } from '#assistant/models/assistant_thread_message'
import { prepareCall, streamCall, type PreparedCall } from '#assistant/services/ai_gateway'
import { playgroundSystemPrompt } from '#assistant/services/prompts'

export interface PlaygroundPlan {
  thread: AssistantThread
  call: PreparedCall
  passages: RetrievedPassage[]
}

const HISTORY = 6

export function retrievalRecords(passages: RetrievedPassage[]): RetrievalRecord[] {
  return passages.map((passage) => ({
    chunkId: passage.chunkId,
    sourceId: passage.sourceId,
    sourceTitle: passage.sourceTitle,
    heading: passage.heading,
    excerpt: passage.content.slice(0, 600),
    vectorScore: passage.vectorScore,
    vectorRank: passage.vectorRank,
    ftsScore: passage.ftsScore,
    ftsRank: passage.ftsRank,
    fusedScore: passage.fusedScore,
  }))
}

/** An admin's question in the playground: retrieval (kept for inspection), then a streamed, cited answer; the thread is kept. */
export default class AskPlayground {
  async plan(input: { workspaceId: string; workspaceName: string; userId: string; threadId?: string | null; question: string }): Promise<PlaygroundPlan> {
    const thread = input.threadId
      ? await findInWorkspaceOrFail(AssistantThread, { id: input.workspaceId }, input.threadId, 'Thread')
      : new AssistantThread().merge({ workspaceId: input.workspaceId, userId: input.userId, title: input.question.slice(0, 120) })
    const history = thread.$isPersisted
      ? await AssistantThreadMessage.query().where('workspace_id', input.workspaceId).where('thread_id', thread.id).orderBy('created_at', 'desc').limit(HISTORY)
      : []
    const passages = await searchKnowledge(input.workspaceId, input.question, await embedderFor(input.workspaceId), 6)
    const call = await prepareCall({
      workspaceId: input.workspaceId,
      feature: 'playground',
      actorUserId: input.userId,
      system: playgroundSystemPrompt(input.workspaceName, passages),
      messages: [
        ...history.reverse().map((message) => ({ role: message.role, content: message.content })),
        { role: 'user' as const, content: input.question },
      ],
      maxTokens: 800,
    })
    if (!thread.$isPersisted) await thread.save()
    await AssistantThreadMessage.create({ workspaceId: input.workspaceId, threadId: thread.id, role: 'user', content: input.question, retrieval: null, inputTokens: 0, outputTokens: 0 })
    return { thread, call, passages }
  }

  async stream(plan: PlaygroundPlan, onText: (delta: string) => void) {
    const result = await streamCall(plan.call, onText)
    const answer = await AssistantThreadMessage.create({
      workspaceId: plan.thread.workspaceId,
      threadId: plan.thread.id,
      role: 'assistant',
      content: result.text,
      retrieval: retrievalRecords(plan.passages),
      inputTokens: result.inputTokens,
      outputTokens: result.outputTokens,
    })
    plan.thread.merge({ updatedAt: answer.createdAt })
    await plan.thread.save()
    return { result, answer }
  }
}
