import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import env from '#start/env'
import { DEFAULT_TEST_PASSWORD } from '#tests/helpers/identity'
import type User from '#identity/models/user'
import { inboxChannel } from '#helpdesk/services/realtime'
import { contactWritesIn, helpdeskGroup, helpdeskWorkspace } from '#tests/helpdesk/fixtures'

const BASE = `http://${env.get('HOST')}:${env.get('PORT')}`

/** A browser-like session over real HTTP: cookies kept, CSRF header from the XSRF-TOKEN cookie. */
class HttpSession {
  cookies = new Map<string, string>()

  #remember(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const index = pair.indexOf('=')
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1))
    }
  }

  headers(extra: Record<string, string> = {}) {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    const xsrf = this.cookies.get('XSRF-TOKEN')
    return { cookie, ...(xsrf ? { 'x-xsrf-token': decodeURIComponent(xsrf) } : {}), ...extra }
  }

  async request(path: string, init: RequestInit = {}) {
    const response = await fetch(`${BASE}${path}`, { redirect: 'manual', ...init, headers: this.headers(init.headers as Record<string, string>) })
    this.#remember(response)
    return response
  }

  static async signIn(user: User) {
    const session = new HttpSession()
    await session.request('/login')
    const login = await session.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: user.email, password: DEFAULT_TEST_PASSWORD }).toString(),
    })
    if (login.status !== 302 || login.headers.get('location') === '/login') throw new Error(`Sign-in failed (${login.status})`)
    return session
  }

  subscribe(uid: string, channel: string) {
    return this.request('/__transmit/subscribe', { method: 'POST', headers: { 'content-type': 'application/json', 'accept': 'application/json' }, body: JSON.stringify({ uid, channel }) })
  }
}

/** An open SSE stream; collects the events it receives. */
async function openStream(session: HttpSession) {
  const uid = randomUUID()
  const abort = new AbortController()
  const response = await fetch(`${BASE}/__transmit/events?uid=${uid}`, { headers: session.headers(), signal: abort.signal })
  const events: { channel: string; payload: any }[] = []
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  const pump = (async () => {
    try {
      while (true) {
        const { value, done } = await reader.read()
        if (done) return
        buffer += decoder.decode(value, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const data = frame.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('')
          if (data) events.push(JSON.parse(data))
        }
      }
    } catch {}
  })()
  return {
    uid,
    status: response.status,
    events,
    async waitFor(predicate: (event: { channel: string; payload: any }) => boolean, timeoutMs = 3000) {
      const started = Date.now()
      while (Date.now() - started < timeoutMs) {
        const found = events.find(predicate)
        if (found) return found
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      return null
    },
    close() {
      abort.abort()
      return pump
    },
  }
}

test.group('Realtime inbox (server-sent events)', (group) => {
  helpdeskGroup(group)

  test('a member subscribed to the workspace channel receives new messages live; events carry ids, not content', async ({ assert }) => {
    const { workspace, members } = await helpdeskWorkspace()
    const agent = await HttpSession.signIn(members.agent)
    const stream = await openStream(agent)
    try {
      assert.equal(stream.status, 200)
      const subscribed = await agent.subscribe(stream.uid, inboxChannel(workspace.id))
      assert.equal(subscribed.status, 204)

      const { ticket } = await contactWritesIn(workspace.id, { subject: 'Live subject line', body: 'Live body text' })
      const created = await stream.waitFor((event) => event.payload?.type === 'ticket.created')
      assert.isNotNull(created)
      assert.deepEqual(created!.payload, { type: 'ticket.created', ticketId: ticket.id, number: ticket.number })

      await contactWritesIn(workspace.id, { contactId: ticket.contactId, ticketId: ticket.id, body: 'Follow-up text' })
      const message = await stream.waitFor((event) => event.payload?.type === 'message.created')
      assert.deepInclude(message!.payload, { ticketId: ticket.id, kind: 'inbound' })
      assert.notInclude(JSON.stringify(stream.events), 'Live', 'no subject or body travels over the stream')
    } finally {
      await stream.close()
    }
  })

  test("a user of another workspace cannot subscribe to the workspace's channel, and receives nothing", async ({ assert }) => {
    const { workspace } = await helpdeskWorkspace()
    const other = await helpdeskWorkspace()
    const outsider = await HttpSession.signIn(other.members.owner)
    const stream = await openStream(outsider)
    try {
      const refused = await outsider.subscribe(stream.uid, inboxChannel(workspace.id))
      assert.equal(refused.status, 400, 'transmit refuses an unauthorised subscription')
      const ownChannel = await outsider.subscribe(stream.uid, inboxChannel(other.workspace.id))
      assert.equal(ownChannel.status, 204)

      await contactWritesIn(workspace.id)
      await contactWritesIn(other.workspace.id)
      const own = await stream.waitFor((event) => event.channel === inboxChannel(other.workspace.id))
      assert.isNotNull(own, 'the outsider does get their own workspace’s events')
      assert.isFalse(stream.events.some((event) => event.channel === inboxChannel(workspace.id)))
    } finally {
      await stream.close()
    }

    // Signed out: no stream and no subscription at all
    const anonymous = new HttpSession()
    await anonymous.request('/login')
    const subscribe = await anonymous.subscribe(randomUUID(), inboxChannel(workspace.id))
    assert.equal(subscribe.status, 401)
    const events = await fetch(`${BASE}/__transmit/events?uid=${randomUUID()}`, { redirect: 'manual', headers: { accept: 'application/json' } })
    assert.equal(events.status, 401)
  })
})
