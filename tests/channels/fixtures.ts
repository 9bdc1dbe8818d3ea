/**
 * Test setup shared by the channels suites: a rolled-back transaction per
 * test, a fresh key store, and a workspace with every role.
 */
import type { Group } from '@japa/runner/core'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import { keyStore } from '#vault/index'
import { workspaceWithEveryRole } from '#tests/helpers/identity'
import SaveHelpArticle from '#channels/actions/save_help_article'
import PublishHelpArticle from '#channels/actions/publish_help_article'
import type Workspace from '#identity/models/workspace'

export function channelsGroup(group: Group) {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    keyStore.clear()
  })
}

export async function channelsWorkspace() {
  const { workspace, members } = await workspaceWithEveryRole()
  return { workspace, members, base: `/w/${workspace.slug}` }
}

export async function publishedArticle(workspace: Workspace, title: string, body: string) {
  const draft = await new SaveHelpArticle().handle(workspace, { title, body })
  return new PublishHelpArticle().handle(workspace, draft.id, 'http://localhost')
}

/** A JSON request from an anonymous visitor of a public page. */
export function visitorPost(client: ApiClient, url: string, body: Record<string, unknown>) {
  return client.post(url).withCsrfToken().json(body).accept('json').redirects(0)
}
