import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import router from '@adonisjs/core/services/router'
import { workspaceWithEveryRole } from '#tests/helpers/identity'
import { API_SCOPES, type ApiScope } from '#helpdesk/api/scopes'
import { call, tokenFor } from '#tests/helpdesk/functional/api/api_fixtures'

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** "METHOD /path/{param}" for every route the router serves under /api/v1. */
function routerOperations() {
  const operations = new Set<string>()
  for (const routes of Object.values(router.toJSON())) {
    for (const route of routes) {
      if (!route.pattern.startsWith('/api/v1/')) continue
      const path = route.pattern.slice('/api/v1'.length).replace(/:([a-z_]+)/gi, '{$1}')
      for (const method of route.methods) if (method !== 'HEAD') operations.add(`${method} ${path}`)
    }
  }
  return operations
}

function documentOperations(document: any) {
  const operations = new Map<string, any>()
  for (const [path, item] of Object.entries<any>(document.paths)) {
    for (const method of METHODS) if (item[method]) operations.set(`${method.toUpperCase()} ${path}`, item[method])
  }
  return operations
}

/** Every `$ref` in the document points at a schema it defines. */
function unresolvedRefs(document: any) {
  const missing: string[] = []
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (!node || typeof node !== 'object') return
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref') {
        const name = String(value).replace('#/components/schemas/', '')
        if (!document.components.schemas[name]) missing.push(String(value))
      } else walk(value)
    }
  }
  walk(document.paths)
  walk(document.components.schemas)
  return missing
}

test.group('API: OpenAPI document', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('GET /api/v1/openapi.json is a valid OpenAPI 3.1 document, served without a token', async ({ client, assert }) => {
    const response = await client.get('/api/v1/openapi.json')
    response.assertStatus(200)
    const document = JSON.parse(response.text())
    assert.equal(document.openapi, '3.1.0')
    assert.isString(document.info.title)
    assert.isString(document.info.version)
    assert.match(document.servers[0].url, /\/api\/v1$/)
    assert.deepEqual(unresolvedRefs(document), [])
    for (const [name, operation] of documentOperations(document)) {
      assert.isString(operation.operationId, name)
      assert.isString(operation.summary, name)
      assert.isNotEmpty(Object.keys(operation.responses), name)
      for (const status of Object.keys(operation.responses)) assert.match(status, /^[1-5]\d\d$/, name)
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'path') assert.include(name, `{${parameter.name}}`, `${name} documents a path parameter it has`)
      }
      const pathParameters = [...name.matchAll(/\{([^}]+)\}/g)].map((match) => match[1])
      for (const parameter of pathParameters) {
        assert.isTrue((operation.parameters ?? []).some((p: any) => p.in === 'path' && p.name === parameter && p.required), `${name} documents {${parameter}}`)
      }
    }
    const operationIds = [...documentOperations(document).values()].map((operation) => operation.operationId)
    assert.equal(new Set(operationIds).size, operationIds.length, 'operation ids are unique')
  })

  test('the document lists exactly the routes the router serves under /api/v1', async ({ client, assert }) => {
    const document = (await client.get('/api/v1/openapi.json')).body()
    const documented = [...documentOperations(document).keys()].sort()
    const served = [...routerOperations()].sort()
    assert.deepEqual(documented, served)
    assert.isAbove(served.length, 8)
  })

  test('the scope each operation documents is the one the API enforces', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const document = (await client.get('/api/v1/openapi.json')).body()
    const zero = '00000000-0000-4000-8000-000000000000'
    for (const [name, operation] of documentOperations(document)) {
      const scope = operation['x-required-scope'] as ApiScope | undefined
      if (!scope) {
        assert.deepEqual(operation.security, [], `${name} is documented as public`)
        continue
      }
      assert.deepEqual(operation.security, [{ apiToken: [scope] }], name)
      const [method, path] = name.split(' ')
      const url = `/api/v1${path.replace(/\{[^}]+\}/g, zero)}`
      const { secret: without } = await tokenFor(workspace, members.owner, API_SCOPES.filter((other) => other !== scope))
      const refused = await call(client, method.toLowerCase() as any, url, without, method === 'GET' ? undefined : {})
      assert.equal(refused.status(), 403, `${name} without ${scope}`)
      const { secret: only } = await tokenFor(workspace, members.owner, [scope])
      const allowed = await call(client, method.toLowerCase() as any, url, only, method === 'GET' ? undefined : {})
      assert.notInclude([401, 403], allowed.status(), `${name} with ${scope}`)
      assert.isBelow(allowed.status(), 500, `${name} with ${scope}`)
    }
  })
})
