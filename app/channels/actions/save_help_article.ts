import { audit } from '#core/audit'
import { findInWorkspaceOrFail, type WorkspaceRef } from '#core/tenancy'
import HelpCenterArticle from '#channels/models/help_center_article'
import HelpCenterCategory from '#channels/models/help_center_category'
import { slugify, uniqueSlug } from '#channels/services/slugs'

export interface HelpArticleDraft {
  title: string
  body: string
  categoryId?: string | null
}

/** Creates an article or saves its draft; the public site keeps showing the published copy until the next publication. */
export default class SaveHelpArticle {
  async handle(workspace: WorkspaceRef, draft: HelpArticleDraft, articleId?: string) {
    const article = articleId ? await findInWorkspaceOrFail(HelpCenterArticle, workspace, articleId, 'Article') : new HelpCenterArticle()
    // A category of another workspace answers 404 like a missing one.
    const categoryId = draft.categoryId ? (await findInWorkspaceOrFail(HelpCenterCategory, workspace, draft.categoryId, 'Category')).id : null
    if (!articleId) {
      article.workspaceId = workspace.id
      article.slug = await uniqueSlug(slugify(draft.title), async (slug) =>
        Boolean(await HelpCenterArticle.query().where('workspace_id', workspace.id).where('slug', slug).first())
      )
    }
    article.merge({ title: draft.title.trim(), body: draft.body, categoryId })
    await article.save()
    await audit({ action: articleId ? 'help_center.article_updated' : 'help_center.article_created', workspaceId: workspace.id, targetType: 'help_center_article', targetId: article.id })
    return article
  }
}
