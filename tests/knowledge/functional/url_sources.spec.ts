import { test } from '@japa/runner'
import http from 'node:http'
import zlib from 'node:zlib'
import type { AddressInfo } from 'node:net'
import { DateTime } from 'luxon'
import env from '#start/env'
import db from '@adonisjs/lucid/services/db'
import KnowledgeSource from '#knowledge/models/knowledge_source'
import RefetchUrlSources from '#knowledge/actions/refetch_url_sources'
import { asMember, knowledgeGroup, knowledgeWorkspace } from '#tests/knowledge/fixtures'
import { listenOnPreferredPort } from '#tests/helpers/fakes/listen'

/** 50 MB of '<' gzipped to ~50 KB, made once: must stop at the 10 MB limit while inflating. */
const BOMB = zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024, 60))

/** A local web server with good pages and every kind of bad one (port 3533). */
let pageVersion = 1
const site = http.createServer((req, res) => {
  switch (req.url) {
    case '/article.html':
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<h1>Returns</h1><p>Returns are accepted within ${pageVersion === 1 ? '14' : '60'} days.</p>`)
    case '/notes.md':
      return res.writeHead(200, { 'content-type': 'text/markdown' }).end('# Notes\n\nPlain markdown page.')
    case '/loop-a':
      return res.writeHead(302, { location: '/loop-b' }).end()
    case '/loop-b':
      return res.writeHead(302, { location: '/loop-a' }).end()
    case '/to-article':
      return res.writeHead(301, { location: '/article.html' }).end()
    case '/slow':
      return setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>late</p>'), 8000)
    case '/bomb':
      return res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(BOMB)
    case '/tags':
      return res.writeHead(200, { 'content-type': 'text/html' }).end('<div>'.repeat(250_000))
    case '/image':
      return res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([137, 80, 78, 71]))
    case '/missing':
      return res.writeHead(404).end()
    default:
      return res.writeHead(404).end()
  }
})
site.unref()
let port = 0

test.group('Knowledge sources from URLs', (group) => {
  knowledgeGroup(group)
  group.setup(async () => {
    await listenOnPreferredPort(site, 3533)
    port = (site.address() as AddressInfo).port
    return () => new Promise<void>((resolve) => site.close(() => resolve()))
  })
  group.each.setup(() => {
    env.set('KNOWLEDGE_FETCH_TIMEOUT_MS', 4000)
    pageVersion = 1
    return () => {
      env.set('KNOWLEDGE_ALLOW_PRIVATE_URLS', true)
      env.set('KNOWLEDGE_FETCH_TIMEOUT_MS', 10_000)
    }
  })

  async function addUrl(client: any, user: any, base: string, path: string) {
    const response = await asMember(client, user, 'post', `${base}/knowledge`, { kind: 'url', url: `http://localhost:${port}${path}` })
    response.assertStatus(201)
    return response.body()
  }

  test('a page is fetched (following a redirect), extracted and chunked; a scheduled re-fetch picks up changes', async ({ client, assert }) => {
    const { workspace, members, base } = await knowledgeWorkspace()
    const source = await addUrl(client, members.admin, base, '/to-article')
    assert.equal(source.status, 'ready')
    const chunks = () => db.from('knowledge_chunks').where('source_id', source.id).select('heading', 'content')
    assert.deepEqual(await chunks(), [{ heading: 'Returns', content: 'Returns are accepted within 14 days.' }])
    const markdown = await addUrl(client, members.admin, base, '/notes.md')
    assert.equal(markdown.status, 'ready')

    pageVersion = 2
    assert.equal(await new RefetchUrlSources().handle(), 0, 'nothing is due yet')
    await KnowledgeSource.query().where('workspace_id', workspace.id).update({ last_synced_at: DateTime.now().minus({ hours: 25 }).toJSDate() })
    assert.equal(await new RefetchUrlSources().handle(), 2)
    assert.deepEqual(await chunks(), [{ heading: 'Returns', content: 'Returns are accepted within 60 days.' }])
  })

  test('redirect loops, timeouts, decompression bombs, markup bombs, wrong types and errors fail with a reason', async ({ client, assert }) => {
    const { members, base } = await knowledgeWorkspace()
    const expectations: [string, string | RegExp][] = [
      ['/loop-a', 'The page redirects in a loop.'],
      ['/slow', 'The page did not answer within 4 seconds.'],
      ['/bomb', 'The page is larger than 10 MB once decompressed; at most 10 MB is read.'],
      ['/tags', 'The page has 250,000 HTML elements; at most 200,000 are read.'],
      ['/image', 'The page’s content type (image/png) is not a document we can read.'],
      ['/missing', 'The page answered HTTP 404.'],
    ]
    for (const [path, reason] of expectations) {
      const source = await addUrl(client, members.admin, base, path)
      assert.equal(source.status, 'failed', path)
      if (typeof reason === 'string') assert.equal(source.failureReason, reason, path)
    }
  })

  test('SSRF: without the test allowance, private and loopback addresses are refused, by literal or by DNS', async ({ client, assert }) => {
    const { members, base } = await knowledgeWorkspace()
    env.set('KNOWLEDGE_ALLOW_PRIVATE_URLS', false)
    for (const url of [`http://127.0.0.1:${port}/article.html`, 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://10.0.0.5/']) {
      const response = await asMember(client, members.admin, 'post', `${base}/knowledge`, { kind: 'url', url })
      response.assertStatus(422)
      assert.equal(response.body().message, 'That address is on a private network; only public web pages can be added.', url)
    }
    // A host name that resolves to loopback is refused when the connection is made.
    const viaDns = await addUrl(client, members.admin, base, '/article.html')
    assert.equal(viaDns.status, 'failed')
    assert.equal(viaDns.failureReason, 'That address is on a private network; only public web pages can be added.')
    assert.equal(await db.from('knowledge_chunks').count('* as n').first().then((row) => Number(row.n)), 0)
  })
})
