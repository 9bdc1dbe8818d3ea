import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import { keyedHash } from '#core/keyed_hash'
import { isUuid, RecordNotFoundException } from '#core/tenancy'
import Widget from '#channels/models/widget'
import WidgetSession from '#channels/models/widget_session'

export const SESSION_DAYS = 7
export const MAX_WIDGET_MESSAGE_CHARS = 4_000

export class OriginNotAllowed extends Exception {
  static status = 403
  static code = 'E_ORIGIN_NOT_ALLOWED'
}

export function normalizeOrigin(value: string) {
  const url = new URL(value)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('not a web origin')
  return url.origin
}

export async function widgetOrFail(id: unknown) {
  const widget = isUuid(id) ? await Widget.find(id) : null
  if (!widget) throw new RecordNotFoundException('There is no such widget.')
  return widget
}

/** The request's Origin header, if the widget may be embedded there; 403 otherwise (checked on every call). */
export function allowedOriginOf(widget: Widget, request: HttpContext['request']) {
  const origin = request.header('origin')
  if (!origin || !widget.allowedOrigins.includes(origin)) throw new OriginNotAllowed('This site may not use this widget.')
  return origin
}

export function corsHeaders(ctx: HttpContext, origin: string) {
  ctx.response.header('access-control-allow-origin', origin)
  ctx.response.header('vary', 'Origin')
  ctx.response.header('access-control-allow-headers', 'authorization, content-type')
  ctx.response.header('access-control-allow-methods', 'GET, POST, OPTIONS')
  ctx.response.header('access-control-max-age', '600')
}

export const tokenHashOf = (token: string) => keyedHash('widget_session', token)

export async function newSession(widget: Widget, origin: string) {
  const token = randomBytes(32).toString('base64url')
  const session = await WidgetSession.create({
    workspaceId: widget.workspaceId,
    widgetId: widget.id,
    tokenHash: tokenHashOf(token),
    origin,
    identityVerified: false,
    expiresAt: DateTime.now().plus({ days: SESSION_DAYS }),
  })
  return { session, token }
}

/** The session of a bearer token (header, or `token` query for EventSource), for this widget and origin; 401 otherwise. */
export async function sessionOf(widget: Widget, origin: string, request: HttpContext['request']) {
  const header = request.header('authorization') ?? ''
  const token = header.startsWith('Bearer ') ? header.slice(7) : typeof request.qs().token === 'string' ? request.qs().token : ''
  const session = token ? await WidgetSession.query().where('token_hash', tokenHashOf(token)).where('widget_id', widget.id).first() : null
  if (!session || session.origin !== origin || session.expiresAt < DateTime.now()) {
    throw new Exception('Your chat session has expired. Reload the page to start a new one.', { status: 401, code: 'E_WIDGET_SESSION' })
  }
  return session
}

/** Every session-bound widget call begins so: the widget, an allowed origin (CORS answered) and the bearer session. */
export async function widgetCallOf(ctx: HttpContext) {
  const widget = await widgetOrFail(ctx.params.widgetId)
  const origin = allowedOriginOf(widget, ctx.request)
  corsHeaders(ctx, origin)
  const session = await sessionOf(widget, origin, ctx.request)
  return { widget, origin, session }
}
