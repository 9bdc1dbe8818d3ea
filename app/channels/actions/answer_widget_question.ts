import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import { AnswerVisitor, ProcessingRestrictedError, type VisitorAnswer } from '#assistant/index'
import { AddTicketMessage } from '#helpdesk/index'
import { Workspace } from '#identity/index'
import type Widget from '#channels/models/widget'
import type WidgetSession from '#channels/models/widget_session'
import HelpCenterArticle from '#channels/models/help_center_article'
import WidgetAiAnswer, { type AnswerSource } from '#channels/models/widget_ai_answer'
import HandOffWidgetChat from '#channels/actions/hand_off_widget_chat'
import { publicArticleUrl } from '#channels/services/help_center_urls'

export const NO_ANSWER_REPLY = 'I could not find an answer to this in our help center, so I have passed your question to our team.'
export const AI_UNAVAILABLE_REPLY = 'I cannot answer right now, so I have passed your question to our team.'

/**
 * With AI answers on, a visitor's question is first answered by the assistant
 * from the knowledge base, with numbered sources linking to help-center
 * articles. The answer is a ticket message marked as the assistant's. When the
 * knowledge base has no answer, the AI fails or the contact may not be sent
 * to the AI, the visitor is told and the chat goes to a person.
 */
export default class AnswerWidgetQuestion {
  async handle(widget: Widget, session: WidgetSession) {
    if (!widget.aiEnabled || session.handedOffAt || !session.ticketId) return null
    const workspace = await Workspace.findOrFail(widget.workspaceId)
    let answer: VisitorAnswer | null = null
    let failure: 'no_answer' | 'ai_unavailable' | 'restricted' | null = null
    try {
      answer = await new AnswerVisitor().handle({ workspaceId: workspace.id, workspaceName: workspace.name, ticketId: session.ticketId })
      if (!answer.answered) failure = 'no_answer'
    } catch (error) {
      failure = error instanceof ProcessingRestrictedError ? 'restricted' : 'ai_unavailable'
      if (failure === 'ai_unavailable') logger.warn({ err: error, widgetId: widget.id }, 'widget: AI answer failed, handing over')
    }
    // Restricted contacts get no assistant message at all: nothing was asked of the AI on their behalf.
    if (failure === 'restricted') {
      await new HandOffWidgetChat().handle(session, 'restricted')
      return { message: null, handedOff: true }
    }
    const sources = answer && !failure ? await this.#sources(workspace, answer) : []
    const body = failure === 'no_answer' ? NO_ANSWER_REPLY : failure ? AI_UNAVAILABLE_REPLY : answer!.text
    const message = await db.transaction(async (trx) => {
      const written = await new AddTicketMessage().handle({ workspaceId: workspace.id, ticketId: session.ticketId!, authorUserId: null, authorKind: 'assistant', kind: 'outbound', body }, trx)
      // Marked in the same transaction, so the live stream already sees it as the assistant's.
      await WidgetAiAnswer.create({ workspaceId: workspace.id, sessionId: session.id, messageId: written.id, sources, answered: !failure }, { client: trx })
      return written
    })
    if (failure) await new HandOffWidgetChat().handle(session, failure)
    return { message, handedOff: Boolean(failure) }
  }

  /** The cited passages, numbered as in the answer; help-center articles link to their public page. */
  async #sources(workspace: { id: string; slug: string }, answer: VisitorAnswer): Promise<AnswerSource[]> {
    const passages = answer.cited.map((number) => ({ number, passage: answer.passages[number - 1] }))
    const sourceIds = [...new Set(passages.map(({ passage }) => passage.sourceId))]
    const articles = await HelpCenterArticle.query().where('workspace_id', workspace.id).whereIn('knowledge_source_id', sourceIds).whereNotNull('published_at')
    return Promise.all(
      passages.map(async ({ number, passage }) => {
        const article = articles.find((candidate) => candidate.knowledgeSourceId === passage.sourceId)
        return {
          number,
          title: article?.publishedTitle ?? passage.sourceTitle,
          url: article ? await publicArticleUrl(workspace, article.slug) : null,
        }
      })
    )
  }
}
