import { audit } from '#core/audit'
import { findInWorkspaceOrFail, type WorkspaceRef } from '#core/tenancy'
import HelpCenterArticle from '#channels/models/help_center_article'
import { removeArticleFromKnowledge } from '#channels/services/knowledge_feed'

/** Deletes an article with its versions (cascade) and its knowledge source. */
export default class DeleteHelpArticle {
  async handle(workspace: WorkspaceRef, articleId: string) {
    const article = await findInWorkspaceOrFail(HelpCenterArticle, workspace, articleId, 'Article')
    await removeArticleFromKnowledge(article)
    await article.delete()
    await audit({ action: 'help_center.article_deleted', workspaceId: workspace.id, targetType: 'help_center_article', targetId: article.id })
  }
}
