/**
 * A local Stripe that speaks the wire format the official SDK uses: form-
 * encoded requests (`line_items[0][price]=…`), JSON objects with Stripe's
 * shapes, `expand[]`, and signed webhooks (Stripe-Signature made with
 * `stripe.webhooks.generateTestHeaderString`) posted to the app. It also
 * serves a hosted Checkout page with a Pay button and a customer portal page,
 * so a browser can go through checkout for real.
 *
 * Test controls (no HTTP): `event()`/`deliver()` build and send events,
 * `setStatus()`, `endTrial()`, `failPayment()` drive a subscription as
 * Stripe's billing engine would, `nextCardFingerprint` picks the card paid with.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import Stripe from 'stripe'
import { connectStripe } from '#billing/services/stripe_gateway'

type StripeObject = Record<string, any>

export const FAKE_WEBHOOK_SECRET = 'whsec_test_vaultdesk_fake'
export const FAKE_SECRET_KEY = 'sk_test_vaultdesk_fake'
const PRICES: Record<string, number> = { price_starter_monthly: 2900, price_growth_monthly: 9900, price_scale_monthly: 39900 }

function id(prefix: string) {
  return `${prefix}_${randomBytes(8).toString('hex')}`
}

/** `a[b][0][c]=v` → `{ a: { b: [{ c: 'v' }] } }` (Stripe's form encoding). */
export function parseStripeForm(body: string): StripeObject {
  const result: StripeObject = {}
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const path = rawKey.replace(/\]/g, '').split('[')
    let node: any = result
    path.forEach((segment, index) => {
      const last = index === path.length - 1
      const nextIsIndex = !last && /^\d+$/.test(path[index + 1])
      if (last) node[segment] = value
      else node = node[segment] ??= nextIsIndex ? [] : {}
    })
  }
  return result
}

export class FakeStripe {
  #server: Server
  customers = new Map<string, StripeObject>()
  sessions = new Map<string, StripeObject>()
  subscriptions = new Map<string, StripeObject>()
  paymentMethods = new Map<string, StripeObject>()
  invoices = new Map<string, StripeObject>()
  /** Every webhook sent, with the app's answer. */
  deliveries: { event: StripeObject; status: number; body: string }[] = []
  /** The card the next Pay click uses (its fingerprint is what trial integrity sees). */
  nextCardFingerprint = 'fp_card_4242'
  /** Seconds added to the real clock (Stripe's test clocks). */
  clockOffset = 0
  #invoiceCounter = 0
  #signer = new Stripe(FAKE_SECRET_KEY)

  constructor(
    public port: number,
    public webhookUrl: string
  ) {
    this.#server = createServer((request, response) => {
      this.#route(request, response).catch((error) => this.#json(response, 500, { error: { type: 'api_error', message: String(error) } }))
    })
  }

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`
  }

  now() {
    return Math.floor(Date.now() / 1000) + this.clockOffset
  }

  async start() {
    await new Promise<void>((resolve) => this.#server.listen(this.port, '127.0.0.1', resolve))
    connectStripe({ secretKey: FAKE_SECRET_KEY, webhookSecret: FAKE_WEBHOOK_SECRET, host: '127.0.0.1', port: this.port, protocol: 'http' })
    return this
  }

  async stop() {
    connectStripe(null)
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }

  reset() {
    for (const map of [this.customers, this.sessions, this.subscriptions, this.paymentMethods, this.invoices]) map.clear()
    this.deliveries = []
    this.nextCardFingerprint = 'fp_card_4242'
    this.clockOffset = 0
  }

  // ---- events and webhooks ------------------------------------------------

  event(type: string, object: StripeObject, created = this.now()): StripeObject {
    return {
      id: id('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created,
      type,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: structuredClone(object) },
    }
  }

  /** The Stripe-Signature header for a payload, as Stripe computes it. */
  sign(payload: string, timestamp?: number) {
    return this.#signer.webhooks.generateTestHeaderString({ payload, secret: FAKE_WEBHOOK_SECRET, timestamp })
  }

  /** Posts a signed event to the app's webhook endpoint, like Stripe's delivery. */
  async deliver(event: StripeObject) {
    const payload = JSON.stringify(event)
    const response = await fetch(this.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': this.sign(payload) },
      body: payload,
    })
    const body = await response.text()
    this.deliveries.push({ event, status: response.status, body })
    return { status: response.status, body }
  }

  async send(type: string, object: StripeObject) {
    return this.deliver(this.event(type, object))
  }

  // ---- the billing engine -------------------------------------------------

  createSubscription(customer: string, price: string, options: { trialEnd?: number | null; metadata?: StripeObject; fingerprint: string }) {
    const now = this.now()
    const method = { id: id('pm'), object: 'payment_method', type: 'card', customer, card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030, fingerprint: options.fingerprint } }
    this.paymentMethods.set(method.id, method)
    const trialing = Boolean(options.trialEnd && options.trialEnd > now)
    const periodEnd = trialing ? options.trialEnd! : now + 30 * 86400
    const subscription: StripeObject = {
      id: id('sub'),
      object: 'subscription',
      customer,
      status: trialing ? 'trialing' : 'active',
      created: now,
      start_date: now,
      cancel_at_period_end: false,
      canceled_at: null,
      trial_start: trialing ? now : null,
      trial_end: trialing ? options.trialEnd : null,
      default_payment_method: method.id,
      metadata: options.metadata ?? {},
      latest_invoice: null,
      livemode: false,
      items: {
        object: 'list',
        data: [this.#item(price, now, periodEnd)],
        has_more: false,
        url: '/v1/subscription_items',
      },
    }
    this.subscriptions.set(subscription.id, subscription)
    return subscription
  }

  #item(price: string, start: number, end: number) {
    return {
      id: id('si'),
      object: 'subscription_item',
      price: { id: price, object: 'price', currency: 'eur', unit_amount: PRICES[price] ?? 1000, recurring: { interval: 'month', interval_count: 1 } },
      quantity: 1,
      current_period_start: start,
      current_period_end: end,
    }
  }

  createInvoice(subscription: StripeObject, paid: boolean) {
    const item = subscription.items.data[0]
    const amount = subscription.status === 'trialing' ? 0 : item.price.unit_amount
    const now = this.now()
    const invoice: StripeObject = {
      id: id('in'),
      object: 'invoice',
      customer: subscription.customer,
      number: `VD-${String(++this.#invoiceCounter).padStart(4, '0')}`,
      status: paid ? 'paid' : 'open',
      currency: 'eur',
      total: amount,
      subtotal: amount,
      amount_due: amount,
      amount_paid: paid ? amount : 0,
      amount_remaining: paid ? 0 : amount,
      created: now,
      period_start: item.current_period_start,
      period_end: item.current_period_end,
      hosted_invoice_url: `${this.baseUrl}/invoices/${subscription.id}`,
      livemode: false,
      parent: { type: 'subscription_details', subscription_details: { subscription: subscription.id, metadata: subscription.metadata } },
    }
    this.invoices.set(invoice.id, invoice)
    subscription.latest_invoice = invoice.id
    return invoice
  }

  /** Stripe's dunning and lifecycle: a status change and its `customer.subscription.updated`. */
  async setStatus(subscriptionId: string, status: string) {
    const subscription = this.subscriptions.get(subscriptionId)!
    subscription.status = status
    if (status === 'canceled') subscription.canceled_at = this.now()
    return this.send(status === 'canceled' ? 'customer.subscription.deleted' : 'customer.subscription.updated', subscription)
  }

  /** The trial ends (test clock): the first invoice is paid and the subscription becomes active. */
  async endTrial(subscriptionId: string) {
    const subscription = this.subscriptions.get(subscriptionId)!
    const now = this.now()
    subscription.status = 'active'
    subscription.trial_end = now
    subscription.items.data[0].current_period_start = now
    subscription.items.data[0].current_period_end = now + 30 * 86400
    const invoice = this.createInvoice(subscription, true)
    await this.send('invoice.paid', invoice)
    return this.send('customer.subscription.updated', subscription)
  }

  /** A renewal charge fails: invoice.payment_failed, then past_due. */
  async failPayment(subscriptionId: string) {
    const subscription = this.subscriptions.get(subscriptionId)!
    const invoice = this.createInvoice(subscription, false)
    await this.send('invoice.payment_failed', invoice)
    return this.setStatus(subscriptionId, 'past_due')
  }

  // ---- HTTP ---------------------------------------------------------------

  async #route(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', this.baseUrl)
    const body = await new Promise<string>((resolve) => {
      let data = ''
      request.on('data', (chunk) => (data += chunk))
      request.on('end', () => resolve(data))
    })
    const params = parseStripeForm(request.method === 'GET' ? url.search.slice(1) : body)
    const path = url.pathname
    const method = request.method ?? 'GET'

    // Hosted pages (what the browser sees)
    let match = path.match(/^\/checkout\/([\w-]+)$/)
    if (match && method === 'GET') return this.#checkoutPage(response, match[1])
    match = path.match(/^\/checkout\/([\w-]+)\/pay$/)
    if (match && method === 'POST') return this.#pay(response, match[1])
    match = path.match(/^\/portal\/([\w-]+)$/)
    if (match && method === 'GET') return this.#portalPage(response, match[1])

    if (!path.startsWith('/v1/')) return this.#json(response, 404, { error: { type: 'invalid_request_error', message: 'Unrecognized request URL' } })
    if (request.headers.authorization !== `Bearer ${FAKE_SECRET_KEY}`) {
      return this.#json(response, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } })
    }

    if (path === '/v1/customers' && method === 'POST') {
      const customer = { id: id('cus'), object: 'customer', created: this.now(), email: params.email ?? null, name: params.name ?? null, metadata: params.metadata ?? {}, address: null, livemode: false }
      this.customers.set(customer.id, customer)
      return this.#json(response, 200, customer)
    }
    match = path.match(/^\/v1\/customers\/(\w+)$/)
    if (match) {
      const customer = this.customers.get(match[1])
      if (!customer) return this.#missing(response, 'customer', match[1])
      if (method === 'POST') Object.assign(customer, params, { metadata: { ...customer.metadata, ...params.metadata } })
      return this.#json(response, 200, customer)
    }

    if (path === '/v1/checkout/sessions' && method === 'POST') {
      const price = params.line_items?.[0]?.price
      if (!PRICES[price]) return this.#json(response, 400, { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'line_items[0][price]', message: `No such price: '${price}'` } })
      if (!this.customers.has(params.customer)) return this.#missing(response, 'customer', params.customer)
      const sessionId = id('cs_test')
      const session = {
        id: sessionId,
        object: 'checkout.session',
        mode: params.mode,
        status: 'open',
        payment_status: 'unpaid',
        customer: params.customer,
        client_reference_id: params.client_reference_id ?? null,
        metadata: params.metadata ?? {},
        success_url: params.success_url,
        cancel_url: params.cancel_url,
        subscription: null,
        url: `${this.baseUrl}/checkout/${sessionId}`,
        created: this.now(),
        livemode: false,
        // Kept to build the subscription when paid (Stripe keeps them too, not all are echoed).
        _price: price,
        _subscriptionData: params.subscription_data ?? {},
      }
      this.sessions.set(sessionId, session)
      return this.#json(response, 200, this.#public(session))
    }
    match = path.match(/^\/v1\/checkout\/sessions\/([\w-]+)$/)
    if (match && method === 'GET') {
      const session = this.sessions.get(match[1])
      return session ? this.#json(response, 200, this.#public(session)) : this.#missing(response, 'checkout.session', match[1])
    }

    if (path === '/v1/billing_portal/sessions' && method === 'POST') {
      if (!this.customers.has(params.customer)) return this.#missing(response, 'customer', params.customer)
      const portalId = id('bps')
      this.sessions.set(portalId, { id: portalId, customer: params.customer, return_url: params.return_url })
      return this.#json(response, 200, { id: portalId, object: 'billing_portal.session', customer: params.customer, return_url: params.return_url, url: `${this.baseUrl}/portal/${portalId}`, created: this.now(), livemode: false })
    }

    match = path.match(/^\/v1\/subscriptions\/(\w+)$/)
    if (match) {
      const subscription = this.subscriptions.get(match[1])
      if (!subscription) return this.#missing(response, 'subscription', match[1])
      if (method === 'POST') await this.#updateSubscription(subscription, params)
      const expand: string[] = Array.isArray(params.expand) ? params.expand : []
      const shown = structuredClone(subscription)
      if (expand.includes('default_payment_method')) shown.default_payment_method = this.paymentMethods.get(subscription.default_payment_method) ?? null
      return this.#json(response, 200, shown)
    }

    match = path.match(/^\/v1\/payment_methods\/(\w+)$/)
    if (match && method === 'GET') {
      const paymentMethod = this.paymentMethods.get(match[1])
      return paymentMethod ? this.#json(response, 200, paymentMethod) : this.#missing(response, 'payment_method', match[1])
    }

    if (path === '/v1/invoices' && method === 'GET') {
      const data = [...this.invoices.values()].filter((invoice) => !params.customer || invoice.customer === params.customer)
      return this.#json(response, 200, { object: 'list', data, has_more: false, url: '/v1/invoices' })
    }

    return this.#json(response, 404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` } })
  }

  async #updateSubscription(subscription: StripeObject, params: StripeObject) {
    if (params.metadata) subscription.metadata = { ...subscription.metadata, ...params.metadata }
    if (params.cancel_at_period_end !== undefined) subscription.cancel_at_period_end = params.cancel_at_period_end === 'true'
    const newPrice = params.items?.[0]?.price
    if (newPrice) {
      const item = subscription.items.data[0]
      item.price = this.#item(newPrice, item.current_period_start, item.current_period_end).price
    }
    // Sent after the API answers, as Stripe does.
    if (params.trial_end === 'now') setImmediate(() => void this.endTrial(subscription.id))
    else setImmediate(() => void this.send('customer.subscription.updated', subscription))
  }

  /** Waits until every webhook queued by an API call was delivered. */
  async settled(count: number, timeoutMs = 5000) {
    const started = Date.now()
    while (this.deliveries.length < count) {
      if (Date.now() - started > timeoutMs) throw new Error(`only ${this.deliveries.length} of ${count} webhooks were delivered`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  #checkoutPage(response: ServerResponse, sessionId: string) {
    const session = this.sessions.get(sessionId)
    if (!session || session.status !== 'open') return this.#html(response, 404, '<h1>This checkout session is no longer available</h1>')
    const trialEnd = Number(session._subscriptionData.trial_end ?? 0)
    const amount = ((PRICES[session._price] ?? 0) / 100).toFixed(2)
    const summary = trialEnd > this.now() ? `Free until ${new Date(trialEnd * 1000).toDateString()}, then €${amount} a month` : `€${amount} a month`
    return this.#html(
      response,
      200,
      `<h1>Stripe Checkout (test)</h1>
       <p data-testid="summary">${summary}</p>
       <p>Card: Visa •••• 4242</p>
       <form method="post" action="/checkout/${sessionId}/pay"><button type="submit">Pay</button></form>
       <p><a href="${session.cancel_url}">Back</a></p>`
    )
  }

  /** Completes the session: subscription, first invoice, webhooks (delivered before the redirect), then success_url. */
  async #pay(response: ServerResponse, sessionId: string) {
    const session = this.sessions.get(sessionId)
    if (!session || session.status !== 'open') return this.#html(response, 404, '<h1>This checkout session is no longer available</h1>')
    const subscription = this.createSubscription(session.customer, session._price, {
      trialEnd: session._subscriptionData.trial_end ? Number(session._subscriptionData.trial_end) : null,
      metadata: session._subscriptionData.metadata,
      fingerprint: this.nextCardFingerprint,
    })
    const invoice = this.createInvoice(subscription, true)
    Object.assign(session, { status: 'complete', payment_status: subscription.status === 'trialing' ? 'no_payment_required' : 'paid', subscription: subscription.id })
    await this.send('customer.subscription.created', subscription)
    await this.send('invoice.paid', invoice)
    await this.send('checkout.session.completed', this.#public(session))
    response.writeHead(303, { location: session.success_url })
    response.end()
  }

  #portalPage(response: ServerResponse, portalId: string) {
    const portal = this.sessions.get(portalId)
    if (!portal) return this.#html(response, 404, '<h1>Portal session expired</h1>')
    return this.#html(response, 200, `<h1>Stripe customer portal (test)</h1><p><a href="${portal.return_url}">Return to Vaultdesk</a></p>`)
  }

  #public(session: StripeObject) {
    const { _price, _subscriptionData, ...shown } = session
    void _price
    void _subscriptionData
    return shown
  }

  #missing(response: ServerResponse, kind: string, value: string) {
    return this.#json(response, 404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${kind}: '${value}'` } })
  }

  #json(response: ServerResponse, status: number, payload: unknown) {
    response.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') })
    response.end(JSON.stringify(payload))
  }

  #html(response: ServerResponse, status: number, body: string) {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
    response.end(`<!doctype html><html><head><title>Stripe (test)</title></head><body>${body}</body></html>`)
  }
}
