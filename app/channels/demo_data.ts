import env from '#start/env'
import { Workspace } from '#identity/index'
import SaveHelpCategory from '#channels/actions/save_help_category'
import SaveHelpArticle from '#channels/actions/save_help_article'
import PublishHelpArticle from '#channels/actions/publish_help_article'

const DEMO_HELP_CENTER = [
  {
    category: 'Billing',
    description: 'Plans, invoices and refunds',
    articles: [
      { title: 'Refunds', body: '## Annual plans\n\nRefunded in full within **30 days** of purchase.\n\n## Monthly plans\n\nNot refunded; cancel at any time and keep access until the end of the period.' },
      { title: 'Downloading invoices', body: 'Invoices are emailed to the billing contact on the first day of each period. Download them any time from **Settings › Billing**.' },
    ],
  },
  {
    category: 'Account',
    description: 'Signing in and security',
    articles: [{ title: 'Resetting your password', body: '1. Choose **Forgot password** on the login page.\n2. Follow the link we email you; it works once and expires after an hour.' }],
  },
]

/**
 * Demo help center: two categories with published articles. The demo
 * knowledge base already holds the same text, so these are not fed to it again.
 */
export async function seedChannelsDemo(workspaceId: string) {
  const workspace = await Workspace.findOrFail(workspaceId)
  for (const group of DEMO_HELP_CENTER) {
    const category = await new SaveHelpCategory().handle(workspace, { name: group.category, description: group.description })
    for (const article of group.articles) {
      const draft = await new SaveHelpArticle().handle(workspace, { ...article, categoryId: category.id })
      await new PublishHelpArticle().handle(workspace, draft.id, env.get('APP_URL'), { feedKnowledge: false })
    }
  }
}
