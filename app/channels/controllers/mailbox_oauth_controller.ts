import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'
import logger from '@adonisjs/core/services/logger'
import { UserFacingError } from '#core/errors'
import { resolveWorkspaceMembership } from '#identity/index'
import mailboxesConfig from '#config/mailboxes'
import ChannelsPolicy from '#channels/policies/channels_policy'
import ConnectOAuthMailbox from '#channels/actions/connect_oauth_mailbox'
import { workspaceContext } from '#channels/controllers/context'
import type { OAuthMailboxKind } from '#channels/services/mail/oauth_tokens'

/** The session entry binding a consent in progress to who started it and for which workspace. */
const PENDING_KEY = 'mailbox_oauth'
/** A consent screen left open longer than this must be started again. */
const PENDING_TTL_MS = 15 * 60_000

interface PendingConsent {
  provider: OAuthMailboxKind
  workspaceId: string
  workspaceSlug: string
  userId: string
  startedAt: number
}

const DRIVERS = { gmail: 'google', microsoft: 'microsoft' } as const
const LABELS = { gmail: 'Gmail', microsoft: 'Microsoft 365' } as const

function providerParam(ctx: HttpContext): OAuthMailboxKind {
  const value = ctx.params.provider
  if (value !== 'gmail' && value !== 'microsoft') throw new UserFacingError('Unknown mailbox provider.', undefined, { status: 404, code: 'E_NOT_FOUND' })
  return value
}

function emailPage(slug: string) {
  try {
    return router.makeUrl('channels.email', { workspace: slug })
  } catch {
    return `/w/${slug}/email`
  }
}

/** A refusal on the callback: a page with the reason (there is no form to go back to). */
async function refuse(ctx: HttpContext, status: number, message: string) {
  const page = await ctx.inertia.render('errors/client_error', { status, message })
  return ctx.response.status(status).send(page)
}

/**
 * Connecting Gmail and Microsoft 365 mailboxes with OAuth (Ally). The redirect
 * lives under the workspace (owners and admins); the callback is one fixed
 * URL per provider, as OAuth apps register it, so the workspace travels in the
 * server-side session with the user who started, and is checked again on the
 * way back. Ally's state cookie ties the callback to this browser.
 */
export default class MailboxOAuthController {
  async redirect(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    await ctx.bouncer.with(ChannelsPolicy).authorize('manage', membership)
    const provider = providerParam(ctx)
    const settings = provider === 'gmail' ? mailboxesConfig.google : mailboxesConfig.microsoft
    if (!settings.clientId || !settings.clientSecret) {
      throw new UserFacingError(`${LABELS[provider]} is not set up on this server yet: an operator must set the OAuth app's ${provider === 'gmail' ? 'GOOGLE' : 'MICROSOFT'}_CLIENT_ID and _CLIENT_SECRET.`, undefined, {
        status: 409,
        code: 'E_MAILBOX_OAUTH_NOT_CONFIGURED',
      })
    }
    const pending: PendingConsent = { provider, workspaceId: workspace.id, workspaceSlug: workspace.slug, userId: user.id, startedAt: Date.now() }
    ctx.session.put(PENDING_KEY, pending)
    return ctx.ally.use(DRIVERS[provider]).redirect()
  }

  async callback(ctx: HttpContext) {
    const provider = providerParam(ctx)
    const user = ctx.auth.getUserOrFail()
    const pending = ctx.session.pull(PENDING_KEY) as PendingConsent | undefined
    if (!pending || pending.provider !== provider || pending.userId !== user.id || Date.now() - pending.startedAt > PENDING_TTL_MS) {
      return refuse(ctx, 400, 'This mailbox connection was not started from this session or took too long. Start again from the Email channels page.')
    }
    // Still a member with the right to manage channels? (404 for a workspace left in the meantime)
    const { workspace, membership } = await resolveWorkspaceMembership(user, pending.workspaceSlug, ctx)
    if (workspace.id !== pending.workspaceId) return refuse(ctx, 400, 'This mailbox connection belongs to another workspace. Start again.')
    if (await ctx.bouncer.with(ChannelsPolicy).denies('manage', membership)) return refuse(ctx, 403, 'Only owners and admins can connect mailboxes.')

    const driver = ctx.ally.use(DRIVERS[provider])
    if (driver.accessDenied()) {
      ctx.session.flash('error', `${LABELS[provider]} access was not granted, so no mailbox was connected.`)
      return ctx.response.redirect(emailPage(workspace.slug))
    }
    if (driver.stateMisMatch()) return refuse(ctx, 400, 'The sign-in answer did not match the request this browser made (expired or forged). Start again from the Email channels page.')
    if (driver.hasError()) return refuse(ctx, 400, `${LABELS[provider]} did not complete the sign-in (${String(driver.getError()).slice(0, 80)}). Start again.`)

    let account
    try {
      account = await driver.user()
    } catch (error) {
      logger.warn({ err: error, provider }, 'mailbox OAuth code exchange failed')
      return refuse(ctx, 400, `${LABELS[provider]} refused to complete the connection. Start again from the Email channels page.`)
    }
    const token = account.token as typeof account.token & { scope?: unknown }
    const grantedScope = typeof token.scope === 'string' ? token.scope : typeof ctx.request.input('scope') === 'string' ? ctx.request.input('scope') : null
    try {
      const connection = await new ConnectOAuthMailbox().handle(workspace.id, provider, { email: account.email, token, grantedScope })
      ctx.session.flash('success', `${LABELS[provider]} mailbox ${connection.address} connected. New mail becomes tickets within a minute.`)
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error
      ctx.session.flash('error', error.message)
    }
    return ctx.response.redirect(emailPage(workspace.slug))
  }
}
