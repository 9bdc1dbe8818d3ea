import type { HttpContext } from '@adonisjs/core/http'
import env from '#start/env'
import { findInWorkspaceOrFail } from '#core/tenancy'
import ChannelsPolicy from '#channels/policies/channels_policy'
import HelpCenterArticle from '#channels/models/help_center_article'
import HelpCenterCategory from '#channels/models/help_center_category'
import HelpCenterArticleVersion from '#channels/models/help_center_article_version'
import SaveHelpCategory from '#channels/actions/save_help_category'
import DeleteHelpCategory from '#channels/actions/delete_help_category'
import SaveHelpArticle from '#channels/actions/save_help_article'
import PublishHelpArticle from '#channels/actions/publish_help_article'
import UnpublishHelpArticle from '#channels/actions/unpublish_help_article'
import DeleteHelpArticle from '#channels/actions/delete_help_article'
import { helpArticleValidator, helpCategoryValidator } from '#channels/validators/help_center'
import { helpArticleEditorDto, helpArticleListItemDto, helpCategoryDto } from '#channels/presenters/help_center'
import { wantsJson, workspaceContext } from '#channels/controllers/context'
import HelpCenterDomain from '#channels/models/help_center_domain'
import { helpCenterDomainDto } from '#channels/controllers/help_center_domain_controller'
import { helpCenterBaseUrl } from '#channels/services/help_center_urls'

/** The help center in the portal: categories, articles, drafts and publication. */
export default class HelpCenterController {
  async index(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(ChannelsPolicy).authorize('view', membership)
    const categories = await HelpCenterCategory.query().where('workspace_id', workspace.id).orderBy('position').orderBy('name')
    const articles = await HelpCenterArticle.query().where('workspace_id', workspace.id).orderBy('updated_at', 'desc').limit(500)
    const props = {
      categories: categories.map(helpCategoryDto),
      articles: articles.map(helpArticleListItemDto),
      publicUrl: `/help/${workspace.slug}`,
      canonicalUrl: await helpCenterBaseUrl(workspace),
      canWrite: await ctx.bouncer.with(ChannelsPolicy).allows('writeArticles', membership),
      canManage: await ctx.bouncer.with(ChannelsPolicy).allows('manage', membership),
      customDomain: helpCenterDomainDto(await HelpCenterDomain.query().where('workspace_id', workspace.id).first()),
    }
    if (wantsJson(ctx)) return props
    return ctx.inertia.render('channels/help_center', props)
  }

  async storeCategory(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(ChannelsPolicy).authorize('writeArticles', membership)
    const category = await new SaveHelpCategory().handle(workspace, await ctx.request.validateUsing(helpCategoryValidator))
    return this.#done(ctx, { category: helpCategoryDto(category) }, 'Category created.', 201)
  }

  async updateCategory(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await findInWorkspaceOrFail(HelpCenterCategory, workspace, ctx.params.id, 'Category')
    await ctx.bouncer.with(ChannelsPolicy).authorize('writeArticles', membership)
    const category = await new SaveHelpCategory().handle(workspace, await ctx.request.validateUsing(helpCategoryValidator), ctx.params.id)
    return this.#done(ctx, { category: helpCategoryDto(category) }, 'Category saved.')
  }

  async destroyCategory(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await findInWorkspaceOrFail(HelpCenterCategory, workspace, ctx.params.id, 'Category')
    await ctx.bouncer.with(ChannelsPolicy).authorize('writeArticles', membership)
    await new DeleteHelpCategory().handle(workspace, ctx.params.id)
    return this.#done(ctx, { deleted: true }, 'Category deleted; its articles are now uncategorised.')
  }

  async storeArticle(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    const input = await ctx.request.validateUsing(helpArticleValidator)
    // Another workspace's category answers 404 like a missing one, whatever the role.
    if (input.categoryId) await findInWorkspaceOrFail(HelpCenterCategory, workspace, input.categoryId, 'Category')
    await ctx.bouncer.with(ChannelsPolicy).authorize('writeArticles', membership)
    const article = await new SaveHelpArticle().handle(workspace, { ...input, body: input.body ?? '' })
    if (wantsJson(ctx)) return ctx.response.status(201).send({ article: helpArticleListItemDto(article) })
    ctx.session.flash('success', 'Draft created.')
    return ctx.response.redirect(`/w/${workspace.slug}/help-center/articles/${article.id}`)
  }

  async showArticle(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    const article = await findInWorkspaceOrFail(HelpCenterArticle, workspace, ctx.params.id, 'Article')
    await ctx.bouncer.with(ChannelsPolicy).authorize('view', membership)
    const versions = await HelpCenterArticleVersion.query().where('workspace_id', workspace.id).where('article_id', article.id).orderBy('version', 'desc').limit(50)
    const categories = await HelpCenterCategory.query().where('workspace_id', workspace.id).orderBy('position').orderBy('name')
    const props = {
      article: helpArticleEditorDto(article, versions),
      categories: categories.map(helpCategoryDto),
      publicUrl: `/help/${workspace.slug}/articles/${article.slug}`,
      canWrite: await ctx.bouncer.with(ChannelsPolicy).allows('writeArticles', membership),
    }
    if (wantsJson(ctx)) return props
    return ctx.inertia.render('channels/help_article', props)
  }

  async updateArticle(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await findInWorkspaceOrFail(HelpCenterArticle, workspace, ctx.params.id, 'Article')
    await ctx.bouncer.with(ChannelsPolicy).authorize('writeArticles', membership)
    const input = await ctx.request.validateUsing(helpArticleValidator)
    const article = await new SaveHelpArticle().handle(workspace, { ...input, body: input.body ?? '' }, ctx.params.id)
    return this.#done(ctx, { article: helpArticleListItemDto(article) }, 'Draft saved. The public site shows it once you publish.')
  }

  async publishArticle(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await findInWorkspaceOrFail(HelpCenterArticle, workspace, ctx.params.id, 'Article')
    await ctx.bouncer.with(ChannelsPolicy).authorize('writeArticles', membership)
    const article = await new PublishHelpArticle().handle(workspace, ctx.params.id, env.get('APP_URL'))
    return this.#done(ctx, { article: helpArticleListItemDto(article) }, `Published as version ${article.publishedVersion}.`)
  }

  async unpublishArticle(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await findInWorkspaceOrFail(HelpCenterArticle, workspace, ctx.params.id, 'Article')
    await ctx.bouncer.with(ChannelsPolicy).authorize('writeArticles', membership)
    const article = await new UnpublishHelpArticle().handle(workspace, ctx.params.id)
    return this.#done(ctx, { article: helpArticleListItemDto(article) }, 'Unpublished: the article is off the public site.')
  }

  async destroyArticle(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await findInWorkspaceOrFail(HelpCenterArticle, workspace, ctx.params.id, 'Article')
    await ctx.bouncer.with(ChannelsPolicy).authorize('writeArticles', membership)
    await new DeleteHelpArticle().handle(workspace, ctx.params.id)
    if (wantsJson(ctx)) return { deleted: true }
    ctx.session.flash('success', 'Article deleted.')
    return ctx.response.redirect(`/w/${workspace.slug}/help-center`)
  }

  #done(ctx: HttpContext, json: object, message: string, status = 200) {
    if (wantsJson(ctx)) return ctx.response.status(status).send(json)
    ctx.session.flash('success', message)
    return ctx.response.redirect().back()
  }
}
