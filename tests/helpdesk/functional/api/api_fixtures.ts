import type { ApiClient as JapaClient } from '@japa/api-client'
import type Workspace from '#identity/models/workspace'
import type User from '#identity/models/user'
import CreateApiToken from '#helpdesk/api/actions/create_api_token'
import { API_SCOPES, type ApiScope } from '#helpdesk/api/scopes'

/** A token of the workspace, created like the admin page does; returns the one-time secret. */
export async function tokenFor(workspace: Workspace, creator: User, scopes: readonly ApiScope[] = API_SCOPES, options: { requestsPerMinute?: number; expiresInDays?: number } = {}) {
  const { client, secret } = await new CreateApiToken().handle({
    workspaceId: workspace.id,
    createdById: creator.id,
    name: 'Test integration',
    scopes: [...scopes],
    expiresInDays: options.expiresInDays ?? 30,
    requestsPerMinute: options.requestsPerMinute,
  })
  return { apiClient: client, secret }
}

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete'

/** A JSON API call with a bearer token (no session, no CSRF). */
export function call(client: JapaClient, method: Method, url: string, secret: string | null, body?: object) {
  const request = client[method](url).accept('json')
  if (secret !== null) request.header('authorization', `Bearer ${secret}`)
  return body ? request.json(body) : request
}
