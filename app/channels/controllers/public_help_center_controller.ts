import type { HttpContext } from '@adonisjs/core/http'
import limiter from '@adonisjs/limiter/services/main'
import { UserFacingError } from '#core/errors'
import { RecordNotFoundException } from '#core/tenancy'
import { rateLimitKey } from '#core/rate_limit_keys'
import { Workspace } from '#identity/index'
import HelpCenterArticle from '#channels/models/help_center_article'
import HelpCenterCategory from '#channels/models/help_center_category'
import RecordArticleFeedback from '#channels/actions/record_article_feedback'
import SubmitHelpContact from '#channels/actions/submit_help_contact'
import { MAX_QUERY_LENGTH, searchPublishedArticles } from '#channels/services/help_center_search'
import { helpContactValidator, helpFeedbackValidator } from '#channels/validators/help_center'
import { helpCategoryDto, publicArticleDto, publicArticleLinkDto } from '#channels/presenters/help_center'
import { wantsJson } from '#channels/controllers/context'
import { helpCenterBaseUrl } from '#channels/services/help_center_urls'

/** Feedback: 30 votes per 10 minutes from one address; contact form: 5 messages per 15 minutes. */
const feedbackLimiter = () => limiter.use({ requests: 30, duration: '10 mins' })
const contactLimiter = () => limiter.use({ requests: 5, duration: '15 mins' })

function tooMany(wait: string) {
  return new UserFacingError(`Too many requests from your connection. Wait ${wait} and try again.`, undefined, { status: 429, code: 'E_TOO_MANY_REQUESTS' })
}

async function siteOf(slug: unknown) {
  const workspace = typeof slug === 'string' ? await Workspace.findBy('slug', slug) : null
  if (!workspace || workspace.closedAt) throw new RecordNotFoundException('There is no help center at this address.')
  return workspace
}

/**
 * Where links on the page point: on the workspace's verified custom domain the
 * site lives at `/`, elsewhere at `/help/<slug>`; canonical links always use
 * the custom domain when there is one.
 */
async function siteProps(workspace: InstanceType<typeof Workspace>, request: HttpContext['request']) {
  const canonicalBase = await helpCenterBaseUrl(workspace)
  const onCustomDomain = canonicalBase === `https://${request.hostname()?.toLowerCase()}`
  return { name: workspace.name, slug: workspace.slug, basePath: onCustomDomain ? '' : `/help/${workspace.slug}`, canonicalBase }
}

/** A workspace's public help center (no sign-in): home with search, articles, feedback, contact form. */
export default class PublicHelpCenterController {
  async home({ params, request, inertia }: HttpContext) {
    const workspace = await siteOf(params.slug)
    const query = typeof request.qs().q === 'string' ? request.qs().q.slice(0, MAX_QUERY_LENGTH) : ''
    const categories = await HelpCenterCategory.query().where('workspace_id', workspace.id).orderBy('position').orderBy('name')
    const articles = await HelpCenterArticle.query().where('workspace_id', workspace.id).whereNotNull('published_at').orderBy('published_title').limit(500)
    const results = query.trim() ? await searchPublishedArticles(workspace.id, query) : null
    return inertia.render('channels/public_help_home', {
      site: await siteProps(workspace, request),
      categories: categories.map(helpCategoryDto),
      articles: articles.map(publicArticleLinkDto),
      query,
      results: results?.map(publicArticleLinkDto) ?? null,
    })
  }

  async article({ params, request, inertia }: HttpContext) {
    const workspace = await siteOf(params.slug)
    const article = await HelpCenterArticle.query().where('workspace_id', workspace.id).where('slug', String(params.article)).whereNotNull('published_at').first()
    if (!article) throw new RecordNotFoundException('There is no such article.')
    const category = article.categoryId ? await HelpCenterCategory.query().where('workspace_id', workspace.id).where('id', article.categoryId).first() : null
    return inertia.render('channels/public_help_article', {
      site: await siteProps(workspace, request),
      article: publicArticleDto(article),
      category: category ? helpCategoryDto(category) : null,
    })
  }

  async feedback(ctx: HttpContext) {
    const workspace = await siteOf(ctx.params.slug)
    const { helpful } = await ctx.request.validateUsing(helpFeedbackValidator)
    const counted = await feedbackLimiter().attempt(rateLimitKey('help_feedback', workspace.id, ctx.request.ip()), async () => {
      await new RecordArticleFeedback().handle(workspace.id, String(ctx.params.article), helpful)
      return true
    })
    if (!counted) throw tooMany('10 minutes')
    if (wantsJson(ctx)) return { recorded: true }
    // The page thanks the visitor itself; no flash message on top.
    return ctx.response.redirect(`${(await siteProps(workspace, ctx.request)).basePath}/articles/${ctx.params.article}`)
  }

  async contact(ctx: HttpContext) {
    const workspace = await siteOf(ctx.params.slug)
    const input = await ctx.request.validateUsing(helpContactValidator)
    const sent = await contactLimiter().attempt(rateLimitKey('help_contact', workspace.id, ctx.request.ip()), async () => {
      await new SubmitHelpContact().handle(workspace.id, input)
      return true
    })
    if (!sent) throw tooMany('15 minutes')
    // The same answer whether the sender is a known contact or not.
    const message = 'Thank you: your message reached our support team. We will answer by email.'
    if (wantsJson(ctx)) return ctx.response.status(201).send({ message })
    ctx.session.flash('success', message)
    return ctx.response.redirect((await siteProps(workspace, ctx.request)).basePath || '/')
  }
}
