import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit'
import { UserFacingError } from '#core/errors'
import { findInWorkspaceOrFail, type WorkspaceRef } from '#core/tenancy'
import HelpCenterArticle from '#channels/models/help_center_article'
import HelpCenterArticleVersion from '#channels/models/help_center_article_version'
import { plainTextOf, renderArticleHtml } from '#channels/services/markdown'
import { feedArticleToKnowledge } from '#channels/services/knowledge_feed'
import HelpCenterDomain from '#channels/models/help_center_domain'

/** Publishes the draft: renders and sanitises it, keeps it as a new version, and feeds the knowledge base. */
export default class PublishHelpArticle {
  async handle(workspace: WorkspaceRef & { slug: string }, articleId: string, publicUrlBase: string, options: { feedKnowledge?: boolean } = {}) {
    const article = await db.transaction(async (trx) => {
      const found = await findInWorkspaceOrFail(HelpCenterArticle, workspace, articleId, 'Article', trx)
      if (!found.body.trim()) throw new UserFacingError('Write the article before publishing it.', 'body')
      if (!found.hasUnpublishedChanges) throw new UserFacingError('This version is already published.')
      found.useTransaction(trx)
      const html = renderArticleHtml(found.body)
      const now = DateTime.now()
      found.merge({
        publishedTitle: found.title,
        publishedBody: found.body,
        publishedHtml: html,
        publishedText: plainTextOf(html),
        publishedVersion: found.publishedVersion + 1,
        publishedAt: now,
      })
      await found.save()
      await HelpCenterArticleVersion.create(
        { workspaceId: workspace.id, articleId: found.id, version: found.publishedVersion, title: found.title, body: found.body, publishedAt: now },
        { client: trx }
      )
      return found
    })
    await audit({ action: 'help_center.article_published', workspaceId: workspace.id, targetType: 'help_center_article', targetId: article.id, metadata: { version: article.publishedVersion } })
    if (options.feedKnowledge !== false) {
      // The canonical address: the verified custom domain when there is one.
      const domain = await HelpCenterDomain.query().where('workspace_id', workspace.id).whereNotNull('verified_at').first()
      const siteUrl = domain ? `https://${domain.domain}` : `${publicUrlBase}/help/${workspace.slug}`
      await feedArticleToKnowledge(article, `${siteUrl}/articles/${article.slug}`)
    }
    return article
  }
}
