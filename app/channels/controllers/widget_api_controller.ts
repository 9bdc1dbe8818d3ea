import type { HttpContext } from '@adonisjs/core/http'
import limiter from '@adonisjs/limiter/services/main'
import env from '#start/env'
import { UserFacingError } from '#core/errors'
import { rateLimitKey } from '#core/rate_limit_keys'
import { TicketMessage } from '#helpdesk/index'
import IdentifyWidgetVisitor from '#channels/actions/identify_widget_visitor'
import SendWidgetMessage from '#channels/actions/send_widget_message'
import { allowedOriginOf, corsHeaders, newSession, sessionOf, widgetCallOf, widgetOrFail, SESSION_DAYS } from '#channels/services/widget_access'
import { awaitSessionTicket, listenToTicket } from '#channels/services/widget_events'
import { widgetConsentValidator, widgetIdentifyValidator, widgetMessageValidator, widgetSessionValidator } from '#channels/validators/widget'
import WidgetAiAnswer from '#channels/models/widget_ai_answer'
import AnswerWidgetQuestion from '#channels/actions/answer_widget_question'
import HandOffWidgetChat from '#channels/actions/hand_off_widget_chat'
import RecordWidgetConsent from '#channels/actions/record_widget_consent'
import { gpcOf, honourGpc, widgetConsentState } from '#channels/services/widget_consent'

/** New sessions: 20 per 10 minutes per IP. Messages: 20 per minute per session and 60 per minute per IP. */
const sessionLimiter = () => limiter.use({ requests: env.get('WIDGET_SESSIONS_PER_IP') ?? 20, duration: '10 mins' })
const sessionMessageLimiter = () => limiter.use({ requests: 20, duration: '1 min' })
/** Consent choices and hand-offs: 30 per minute per session, so no one floods the append-only ledger. */
const sessionChoiceLimiter = () => limiter.use({ requests: 30, duration: '1 min' })
const ipMessageLimiter = () => limiter.use({ requests: env.get('WIDGET_MESSAGES_PER_IP') ?? 60, duration: '1 min' })

const tooMany = () => new UserFacingError('You are sending messages too fast. Wait a minute and try again.', undefined, { status: 429, code: 'E_TOO_MANY_REQUESTS' })

type Message = InstanceType<typeof TicketMessage>

/** Messages as the visitor sees them: theirs, an agent's, or the assistant's (with its numbered sources). */
async function messageDtos(messages: Message[]) {
  const outbound = messages.filter((message) => message.kind === 'outbound').map((message) => message.id)
  const answers = outbound.length ? await WidgetAiAnswer.query().whereIn('message_id', outbound) : []
  return messages.map((message) => {
    const answer = answers.find((candidate) => candidate.messageId === message.id)
    return {
      id: message.id,
      from: message.kind === 'inbound' ? 'visitor' : answer ? 'assistant' : 'agent',
      body: message.body,
      sources: answer?.sources ?? [],
      createdAt: message.createdAt.toISO(),
    }
  })
}

const messageDto = async (message: Message) => (await messageDtos([message]))[0]

/** The consent choice as the widget shows it: the exact text and version stored by governance. */
async function consentDto(widget: Parameters<typeof widgetConsentState>[0], session: Parameters<typeof widgetConsentState>[1], gpc: boolean) {
  const purposes = await widgetConsentState(widget, session)
  return {
    gpc,
    purposes: purposes.map((purpose) => ({ key: purpose.key, name: purpose.name, version: purpose.version, text: purpose.text, textHash: purpose.textHash, decision: purpose.current ? purpose.decision : null, gpc: purpose.gpc })),
  }
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
    const { gpc: claimedGpc } = await ctx.request.validateUsing(widgetSessionValidator)
    const { session, token } = await newSession(widget, origin)
    const gpc = gpcOf(ctx.request, claimedGpc)
    if (gpc) await honourGpc(widget, session, ctx.request.ip())
    return ctx.response.status(201).send({
      token,
      expiresInDays: SESSION_DAYS,
      sessionId: session.id,
      widget: { name: widget.name, color: widget.color, greeting: widget.greeting, aiEnabled: widget.aiEnabled },
      consent: await consentDto(widget, session, gpc),
    })
  }

  async identify(ctx: HttpContext) {
    const { widget, session } = await widgetCallOf(ctx)
    const claim = await ctx.request.validateUsing(widgetIdentifyValidator)
    return new IdentifyWidgetVisitor().handle(widget, session, claim)
  }

  async messages(ctx: HttpContext) {
    const { session } = await widgetCallOf(ctx)
    const verified = session.identityVerified
    if (!session.ticketId) return { messages: [], handedOff: Boolean(session.handedOffAt), verified }
    const messages = await TicketMessage.query().where('workspace_id', session.workspaceId).where('ticket_id', session.ticketId).whereIn('kind', ['inbound', 'outbound']).orderBy('created_at')
    return { messages: await messageDtos(messages), handedOff: Boolean(session.handedOffAt), verified }
  }

  /** The consent purposes this widget asks for, with the session's (or its contact's) current decisions. */
  async consent(ctx: HttpContext) {
    const { widget, session } = await widgetCallOf(ctx)
    const gpc = gpcOf(ctx.request, ctx.request.qs().gpc === '1')
    if (gpc) await honourGpc(widget, session, ctx.request.ip())
    return consentDto(widget, session, gpc)
  }

  /** Gives or withdraws one purpose (withdrawing is the same single call as giving). */
  async recordConsent(ctx: HttpContext) {
    const { widget, session } = await widgetCallOf(ctx)
    const input = await ctx.request.validateUsing(widgetConsentValidator)
    if (!(await sessionChoiceLimiter().attempt(rateLimitKey('widget_consent', session.id), () => true))) throw tooMany()
    const gpc = gpcOf(ctx.request, input.gpc)
    const event = await new RecordWidgetConsent().handle(widget, session, { purpose: input.purpose, decision: input.decision, textHash: input.textHash, gpc, ip: ctx.request.ip() })
    const message =
      event.decision === 'refuse'
        ? 'Your browser sends the Global Privacy Control signal, so we recorded this as refused.'
        : event.decision === 'grant'
          ? 'Thank you: your consent is recorded. You can withdraw it here at any time.'
          : 'Your consent is withdrawn.'
    return ctx.response.status(201).send({ decision: event.decision, message, consent: await consentDto(widget, session, gpc) })
  }

  /** "Talk to a person": the chat leaves the assistant for the team's inbox. */
  async handOff(ctx: HttpContext) {
    const { session } = await widgetCallOf(ctx)
    if (!(await sessionChoiceLimiter().attempt(rateLimitKey('widget_consent', session.id), () => true))) throw tooMany()
    return new HandOffWidgetChat().handle(session, 'visitor_asked')
  }

  async send(ctx: HttpContext) {
    const { widget, session } = await widgetCallOf(ctx)
    const { body } = await ctx.request.validateUsing(widgetMessageValidator)
    const underIpLimit = await ipMessageLimiter().attempt(rateLimitKey('widget_ip', widget.id, ctx.request.ip()), () => true)
    const underSessionLimit = underIpLimit && (await sessionMessageLimiter().attempt(rateLimitKey('widget_msg', session.id), () => true))
    if (!underSessionLimit) throw tooMany()
    const message = await new SendWidgetMessage().handle(session, body)
    const answered = await new AnswerWidgetQuestion().handle(widget, session)
    return ctx.response.status(201).send({
      message: await messageDto(message),
      answer: answered?.message ? await messageDto(answered.message) : null,
      handedOff: Boolean(session.handedOffAt),
    })
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
