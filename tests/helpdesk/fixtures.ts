/**
 * Helpdesk test data, built through the module's own actions (as channels
 * and the API do), plus small request helpers.
 */
import type { Group } from '@japa/runner/core'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import drive from '@adonisjs/drive/services/main'
import type User from '#identity/models/user'
import { keyStore } from '#vault/index'
import { smtpSink } from '#tests/helpers/smtp_sink'
import { workspaceWithEveryRole } from '#tests/helpers/identity'
import CreateInboundMessage, { type InboundMessageInput } from '#helpdesk/actions/create_inbound_message'

let counter = 0

/** Each test in a rolled-back transaction, on a throwaway disk, with fresh key caches and an empty SMTP sink. */
export function helpdeskGroup(group: Group) {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    keyStore.clear()
    smtpSink.clear()
    drive.fake('files')
    return () => drive.restore('files')
  })
}

/** A contact writes in; returns the contact, ticket and message. */
export function contactWritesIn(workspaceId: string, overrides: Partial<InboundMessageInput> = {}) {
  counter++
  return new CreateInboundMessage().handle({
    workspaceId,
    from: { email: `person${counter}-${Date.now()}@example.test`, name: `Person ${counter}` },
    subject: `Question ${counter}`,
    body: `Hello, I have question number ${counter}.`,
    channel: 'email',
    ...overrides,
  })
}

export async function helpdeskWorkspace() {
  const { workspace, members } = await workspaceWithEveryRole()
  return { workspace, members, base: `/w/${workspace.slug}` }
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'

/** A JSON request as a signed-in member (CSRF token included). */
export function asMember(client: ApiClient, user: User, method: Method, url: string, body: Record<string, unknown> = {}) {
  const request = client[method](url) as unknown as ReturnType<ApiClient['post']>
  return request.loginAs(user).withCsrfToken().json(body).accept('json').redirects(0)
}
