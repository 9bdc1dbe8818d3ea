import HelpCenterArticle from '#channels/models/help_center_article'

export const MAX_QUERY_LENGTH = 200

/** Published articles matching a visitor's words (Postgres full text, title weighted first), best first. */
export async function searchPublishedArticles(workspaceId: string, query: string, limit = 20) {
  const words = query.trim().slice(0, MAX_QUERY_LENGTH)
  if (!words) return []
  return HelpCenterArticle.query()
    .where('workspace_id', workspaceId)
    .whereNotNull('published_at')
    .whereRaw(`search_vector @@ websearch_to_tsquery('english', ?)`, [words])
    .select('*')
    .select(HelpCenterArticle.query().client.raw(`ts_headline('english', coalesce(published_text, ''), websearch_to_tsquery('english', ?), 'MaxWords=30, MinWords=10, StartSel=«, StopSel=»') as snippet`, [words]))
    .orderByRaw(`ts_rank(search_vector, websearch_to_tsquery('english', ?)) desc`, [words])
    .limit(limit)
}
