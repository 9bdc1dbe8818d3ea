import { audit } from '#core/audit'
import { findInWorkspaceOrFail, type WorkspaceRef } from '#core/tenancy'
import HelpCenterArticle from '#channels/models/help_center_article'
import { removeArticleFromKnowledge } from '#channels/services/knowledge_feed'

/** Takes an article off the public site, out of search and out of the knowledge base; the draft and past versions stay. */
export default class UnpublishHelpArticle {
  async handle(workspace: WorkspaceRef, articleId: string) {
    const article = await findInWorkspaceOrFail(HelpCenterArticle, workspace, articleId, 'Article')
    article.merge({ publishedTitle: null, publishedBody: null, publishedHtml: null, publishedText: null, publishedAt: null })
    await article.save()
    // Off the public site means out of AI answers too.
    await removeArticleFromKnowledge(article)
    await audit({ action: 'help_center.article_unpublished', workspaceId: workspace.id, targetType: 'help_center_article', targetId: article.id })
    return article
  }
}
