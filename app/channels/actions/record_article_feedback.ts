import HelpCenterArticle from '#channels/models/help_center_article'
import { RecordNotFoundException } from '#core/tenancy'

/** "Was this helpful?": a bare counter per published article, nothing about the visitor. */
export default class RecordArticleFeedback {
  async handle(workspaceId: string, articleSlug: string, helpful: boolean) {
    const column = helpful ? 'helpful_count' : 'not_helpful_count'
    const updated = await HelpCenterArticle.query()
      .where('workspace_id', workspaceId)
      .where('slug', articleSlug)
      .whereNotNull('published_at')
      .increment(column, 1)
    if (!Number(Array.isArray(updated) ? updated[0] : updated)) throw new RecordNotFoundException('Article not found')
  }
}
