import type HelpCenterArticle from '#channels/models/help_center_article'
import type HelpCenterCategory from '#channels/models/help_center_category'
import type HelpCenterArticleVersion from '#channels/models/help_center_article_version'

export function helpCategoryDto(category: HelpCenterCategory) {
  return { id: category.id, name: category.name, slug: category.slug, description: category.description, position: category.position }
}

/** For the portal's article list. */
export function helpArticleListItemDto(article: HelpCenterArticle) {
  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    categoryId: article.categoryId,
    published: article.isPublished,
    publishedVersion: article.publishedVersion,
    hasUnpublishedChanges: article.hasUnpublishedChanges,
    helpfulCount: article.helpfulCount,
    notHelpfulCount: article.notHelpfulCount,
    updatedAt: article.updatedAt.toISO(),
  }
}

/** For the portal's editor: the draft, plus what the public currently sees. */
export function helpArticleEditorDto(article: HelpCenterArticle, versions: HelpCenterArticleVersion[]) {
  return {
    ...helpArticleListItemDto(article),
    body: article.body,
    publishedAt: article.publishedAt?.toISO() ?? null,
    versions: versions.map((version) => ({ version: version.version, title: version.title, publishedAt: version.publishedAt.toISO() })),
  }
}

/** For the public site: only the published copy, never the draft. */
export function publicArticleDto(article: HelpCenterArticle) {
  return {
    slug: article.slug,
    title: article.publishedTitle ?? '',
    html: article.publishedHtml ?? '',
    categoryId: article.categoryId,
    publishedAt: article.publishedAt?.toISO() ?? null,
  }
}

export function publicArticleLinkDto(article: HelpCenterArticle & { $extras?: { snippet?: string } }) {
  return { slug: article.slug, title: article.publishedTitle ?? '', categoryId: article.categoryId, snippet: (article.$extras?.snippet as string | undefined) ?? null }
}
