/**
 * Test setup shared by the knowledge and assistant suites: a rolled-back
 * transaction per test, a throwaway disk, the local fake Anthropic and
 * embeddings servers (ports 3531/3532, or free ones when another run holds
 * them) reached through base-URL settings,
 * and a workspace with every role.
 */
import type { Group } from '@japa/runner/core'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import drive from '@adonisjs/drive/services/main'
import env from '#start/env'
import type User from '#identity/models/user'
import { keyStore } from '#vault/index'
import { workspaceWithEveryRole } from '#tests/helpers/identity'
import { FakeAnthropic, VALID_KEY } from '#tests/helpers/fakes/anthropic'
import { FakeEmbeddings } from '#tests/helpers/fakes/embeddings'
import SaveAssistantSettings from '#assistant/actions/save_assistant_settings'
import CreateSource from '#knowledge/actions/create_source'

export const fakeAnthropic = new FakeAnthropic(3531)
export const fakeEmbeddings = new FakeEmbeddings(3532)
let started: Promise<unknown> | null = null

/** Starts the fakes once per run and points the app at them. */
export async function startFakes() {
  started ??= Promise.all([fakeAnthropic.start(), fakeEmbeddings.start()])
  await started
  env.set('ANTHROPIC_BASE_URL', fakeAnthropic.url)
  env.set('AI_MAX_RETRIES', 1)
  env.set('AI_TIMEOUT_MS', 10_000)
  env.set('KNOWLEDGE_ALLOW_PRIVATE_URLS', true)
}

export function knowledgeGroup(group: Group) {
  group.setup(async () => {
    await startFakes()
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    keyStore.clear()
    fakeAnthropic.reset()
    fakeEmbeddings.reset()
    drive.fake('files')
    return () => drive.restore('files')
  })
}

export async function knowledgeWorkspace() {
  const { workspace, members } = await workspaceWithEveryRole()
  return { workspace, members, base: `/w/${workspace.slug}` }
}

export async function withAnthropicKey(workspaceId: string, overrides: Partial<{ redactionEnabled: boolean; monthlyTokenLimit: number | null }> = {}) {
  return new SaveAssistantSettings().handle(workspaceId, { anthropicApiKey: VALID_KEY, redactionEnabled: true, ...overrides })
}

export function addText(workspaceId: string, title: string, text: string) {
  return new CreateSource().handle(workspaceId, null, { kind: 'text', title, text })
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'

export function asMember(client: ApiClient, user: User, method: Method, url: string, body: Record<string, unknown> = {}) {
  const request = client[method](url) as unknown as ReturnType<ApiClient['post']>
  return request.loginAs(user).withCsrfToken().json(body).accept('json').redirects(0)
}

/** Parses a server-sent-events body into its events. */
export function parseEvents(text: string) {
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const event = block.match(/^event: (.+)$/m)?.[1] ?? 'message'
      const data = JSON.parse(block.match(/^data: (.+)$/m)?.[1] ?? 'null')
      return { event, data }
    })
}

export const REFUNDS_ARTICLE = `# Billing

## Refunds
Annual plans can be refunded in full within 30 days of purchase. Monthly plans are not refunded.

## Invoices
Invoices are emailed to the billing contact on the first day of each period.

# Exports

## CSV export
Open Reports and choose Export CSV to download the tickets matching the filters.`
