import type { HttpContext } from '@adonisjs/core/http'
import limiter from '@adonisjs/limiter/services/main'
import env from '#start/env'
import { UserFacingError } from '#core/errors'
import { rateLimitKey } from '#core/rate_limit_keys'
import { TicketMessage } from '#helpdesk/index'
import IdentifyWidgetVisitor from '#channels/actions/identify_widget_visitor'
import SendWidgetMessage from '#channels/actions/send_widget_message'
import { allowedOriginOf, corsHeaders, newSession, sessionOf, widgetOrFail, SESSION_DAYS } from '#channels/services/widget_access'
import { awaitSessionTicket, listenToTicket } from '#channels/services/widget_events'
import { widgetIdentifyValidator, widgetMessageValidator } from '#channels/validators/widget'

/** New sessions: 20 per 10 minutes per IP. Messages: 20 per minute per session and 60 per minute per IP. */
const sessionLimiter = () => limiter.use({ requests: env.get('WIDGET_SESSIONS_PER_IP') ?? 20, duration: '10 mins' })
const sessionMessageLimiter = () => limiter.use({ requests: 20, duration: '1 min' })
const ipMessageLimiter = () => limiter.use({ requests: env.get('WIDGET_MESSAGES_PER_IP') ?? 60, duration: '1 min' })

const tooMany = () => new UserFacingError('You are sending messages too fast. Wait a minute and try again.', undefined, { status: 429, code: 'E_TOO_MANY_REQUESTS' })

async function messageDto(message: InstanceType<typeof TicketMessage>) {
  return { id: message.id, from: message.kind === 'inbound' ? 'visitor' : 'agent', body: message.body, createdAt: message.createdAt.toISO() }
}

/**
 * The public widget API, called from the host page (no cookies): the Origin
 * is checked against the widget's allowed origins on every call, and the
 * visitor's session travels as a bearer token.
 */
export default class WidgetApiController {
  /** Preflight: answered only for allowed origins. */
  async preflight(ctx: HttpContext) {
    const widget = await widgetOrFail(ctx.params.widgetId)
    corsHeaders(ctx, allowedOriginOf(widget, ctx.request))
    return ctx.response.noContent()
  }

  async start(ctx: HttpContext) {
    const widget = await widgetOrFail(ctx.params.widgetId)
    const origin = allowedOriginOf(widget, ctx.request)
    corsHeaders(ctx, origin)
    const allowed = await sessionLimiter().attempt(rateLimitKey('widget_session', widget.id, ctx.request.ip()), () => true)
    if (!allowed) throw tooMany()
    const { session, token } = await newSession(widget, origin)
    return ctx.response.status(201).send({
      token,
      expiresInDays: SESSION_DAYS,
      sessionId: session.id,
      widget: { name: widget.name, color: widget.color, greeting: widget.greeting },
    })
  }

  async identify(ctx: HttpContext) {
    const widget = await widgetOrFail(ctx.params.widgetId)
    const origin = allowedOriginOf(widget, ctx.request)
    corsHeaders(ctx, origin)
    const session = await sessionOf(widget, origin, ctx.request)
    const claim = await ctx.request.validateUsing(widgetIdentifyValidator)
    return new IdentifyWidgetVisitor().handle(widget, session, claim)
  }

  async messages(ctx: HttpContext) {
    const widget = await widgetOrFail(ctx.params.widgetId)
    const origin = allowedOriginOf(widget, ctx.request)
    corsHeaders(ctx, origin)
    const session = await sessionOf(widget, origin, ctx.request)
    if (!session.ticketId) return { messages: [] }
    const messages = await TicketMessage.query().where('workspace_id', session.workspaceId).where('ticket_id', session.ticketId).whereIn('kind', ['inbound', 'outbound']).orderBy('created_at')
    return { messages: await Promise.all(messages.map(messageDto)) }
  }

  async send(ctx: HttpContext) {
    const widget = await widgetOrFail(ctx.params.widgetId)
    const origin = allowedOriginOf(widget, ctx.request)
    corsHeaders(ctx, origin)
    const session = await sessionOf(widget, origin, ctx.request)
    const { body } = await ctx.request.validateUsing(widgetMessageValidator)
    const underIpLimit = await ipMessageLimiter().attempt(rateLimitKey('widget_ip', widget.id, ctx.request.ip()), () => true)
    const underSessionLimit = underIpLimit && (await sessionMessageLimiter().attempt(rateLimitKey('widget_msg', session.id), () => true))
    if (!underSessionLimit) throw tooMany()
    const message = await new SendWidgetMessage().handle(session, body)
    return ctx.response.status(201).send({ message: await messageDto(message) })
  }

  /** Server-sent events: agents' replies as they are sent (EventSource cannot set headers, so the token is a query parameter). */
  async events(ctx: HttpContext) {
    const widget = await widgetOrFail(ctx.params.widgetId)
    const origin = allowedOriginOf(widget, ctx.request)
    const session = await sessionOf(widget, origin, ctx.request)
    const response = ctx.response.response
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      'connection': 'keep-alive',
      'access-control-allow-origin': origin,
      'vary': 'Origin',
    })
    response.write(': connected\n\n')
    let stop = session.ticketId ? this.#listen(session.ticketId, response) : null
    // The first message of a session creates its ticket: follow it from then on.
    const stopWaiting = awaitSessionTicket(session.id, (ticketId) => {
      stop?.()
      stop = this.#listen(ticketId, response)
    })
    const heartbeat = setInterval(() => response.write(': ping\n\n'), 25_000)
    await new Promise<void>((resolve) => ctx.request.request.on('close', () => resolve()))
    clearInterval(heartbeat)
    stopWaiting()
    stop?.()
  }

  #listen(ticketId: string, response: HttpContext['response']['response']) {
    return listenToTicket(ticketId, async ({ messageId }) => {
      const message = await TicketMessage.find(messageId)
      if (message && message.kind === 'outbound') response.write(`event: message\ndata: ${JSON.stringify(await messageDto(message))}\n\n`)
    })
  }
}
