import logger from '@adonisjs/core/services/logger'
import { CreateSource, DeleteSource, KnowledgeSource, UpdateSource } from '#knowledge/index'
import type HelpCenterArticle from '#channels/models/help_center_article'

/** The published Markdown under the title as a top heading, so chunks carry "Title › Section" and quote the article's own words. */
function sourceText(article: HelpCenterArticle, publicUrl: string) {
  return `# ${article.publishedTitle}\n\n${article.publishedBody ?? article.publishedText}\n\nSource: ${publicUrl}`
}

/**
 * Published articles feed the knowledge base as text sources, so AI answers
 * can cite them: the first publication adds the source, every later one
 * replaces its text (re-chunked and re-embedded by the knowledge module).
 * A source an admin deleted in the knowledge base is added again.
 */
export async function feedArticleToKnowledge(article: HelpCenterArticle, publicUrl: string) {
  try {
    const existing = article.knowledgeSourceId
      ? await KnowledgeSource.query().where('workspace_id', article.workspaceId).where('id', article.knowledgeSourceId).first()
      : null
    if (existing) {
      await new UpdateSource().handle(article.workspaceId, existing.id, { title: article.publishedTitle!, text: sourceText(article, publicUrl) })
      return
    }
    const source = await new CreateSource().handle(article.workspaceId, null, { kind: 'text', title: article.publishedTitle!, text: sourceText(article, publicUrl) })
    article.knowledgeSourceId = source.id
    await article.save()
  } catch (error) {
    // Publishing must not fail because indexing did; the article stays public and can be re-published.
    logger.warn({ err: error, articleId: article.id }, 'help center: article not added to the knowledge base')
  }
}

/** Unpublished or deleted: the article's source goes, with its chunks and embeddings. */
export async function removeArticleFromKnowledge(article: HelpCenterArticle) {
  if (!article.knowledgeSourceId) return
  const sourceId = article.knowledgeSourceId
  const exists = await KnowledgeSource.query().where('workspace_id', article.workspaceId).where('id', sourceId).first()
  if (exists) await new DeleteSource().handle(article.workspaceId, sourceId)
  if (article.$isPersisted && !article.$isDeleted) {
    article.knowledgeSourceId = null
    await article.save()
  }
}
