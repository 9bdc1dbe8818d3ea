/**
 * Reusable checks for any workspace route:
 * - another workspace's record ids (and another workspace's slug) answer 404,
 *   exactly like ids that do not exist;
 * - each role gets exactly the access it should (others get 403).
 */
import type { ApiClient } from '@japa/api-client'
import type User from '#identity/models/user'
import { ROLES, type Role } from '#identity/roles'

export interface RouteCase {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  url: string
  body?: Record<string, unknown>
}

function send(client: ApiClient, user: User, route: RouteCase) {
  // The request's body type depends on route typings the tests do not need.
  const request = client[route.method](route.url) as unknown as ReturnType<ApiClient['post']> & { json(body: object): any }
  return request
    .loginAs(user)
    .withCsrfToken()
    .json(route.body ?? {})
    .accept('json')
    .redirects(0)
}

export async function assertAnswers404(client: ApiClient, user: User, routes: RouteCase[]) {
  for (const route of routes) {
    const response = await send(client, user, route)
    if (response.status() !== 404) {
      throw new Error(`${route.method.toUpperCase()} ${route.url} answered ${response.status()} instead of 404`)
    }
  }
}

/**
 * `build` returns the request to try for a role (fresh targets for destructive
 * actions); roles in `allowed` must not get 401/403/404, the others must get 403.
 */
export async function assertRoleAccess(
  client: ApiClient,
  members: Record<Role, User>,
  allowed: Role[],
  build: (role: Role) => Promise<RouteCase> | RouteCase
) {
  for (const role of ROLES) {
    const route = await build(role)
    const response = await send(client, members[role], route)
    const status = response.status()
    const label = `${role} ${route.method.toUpperCase()} ${route.url}`
    if (allowed.includes(role)) {
      if ([401, 403, 404].includes(status) || status >= 500) throw new Error(`${label} should be allowed, got ${status}`)
    } else if (status !== 403) {
      throw new Error(`${label} should be forbidden (403), got ${status}`)
    }
  }
}
