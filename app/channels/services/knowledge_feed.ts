import logger from '@adonisjs/core/services/logger'
import { CreateSource } from '#knowledge/index'
import type HelpCenterArticle from '#channels/models/help_center_article'

/**
 * Published articles feed the knowledge base as text sources, so AI answers
 * can cite them. `#knowledge/index` exposes only CreateSource, so an article
 * is added once, on its first publication; later publications and
 * unpublishing cannot yet update or remove that source (they need
 * UpdateSource/DeleteSource exported by the knowledge module).
 */
export async function feedArticleToKnowledge(article: HelpCenterArticle, publicUrl: string) {
  if (article.knowledgeSourceId) return
  try {
    const source = await new CreateSource().handle(article.workspaceId, null, {
      kind: 'text',
      title: article.publishedTitle!,
      text: `${article.publishedTitle}\n\n${article.publishedText}\n\nSource: ${publicUrl}`,
    })
    article.knowledgeSourceId = source.id
    await article.save()
  } catch (error) {
    // Publishing must not fail because indexing did; the article stays public and can be re-published.
    logger.warn({ err: error, articleId: article.id }, 'help center: article not added to the knowledge base')
  }
}
