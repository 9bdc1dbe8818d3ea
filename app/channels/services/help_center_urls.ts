import env from '#start/env'
import HelpCenterDomain from '#channels/models/help_center_domain'

/**
 * Where a workspace's help center lives: its verified custom domain
 * (https://help.acme.com) or the app's `/help/<slug>`. Canonical links and
 * the sources of AI answers use it.
 */
export async function helpCenterBaseUrl(workspace: { id: string; slug: string }) {
  const domain = await HelpCenterDomain.query().where('workspace_id', workspace.id).whereNotNull('verified_at').first()
  return domain ? `https://${domain.domain}` : `${env.get('APP_URL')}/help/${workspace.slug}`
}

export async function publicArticleUrl(workspace: { id: string; slug: string }, articleSlug: string) {
  return `${await helpCenterBaseUrl(workspace)}/articles/${articleSlug}`
}
