import type { HttpContext } from '@adonisjs/core/http'
import { findInWorkspaceOrFail } from '#core/tenancy'
import ChannelsPolicy from '#channels/policies/channels_policy'
import MailboxConnection from '#channels/models/mailbox_connection'
import ConnectMailbox from '#channels/actions/connect_mailbox'
import DisconnectMailbox from '#channels/actions/disconnect_mailbox'
import SyncMailbox from '#channels/actions/sync_mailbox'
import { imapProvider } from '#channels/services/mail/imap_provider'
import { imapMailboxValidator } from '#channels/validators/email'
import { mailboxDto, MAILBOX_PROVIDER_OPTIONS } from '#channels/presenters/email'
import { wantsJson, workspaceContext } from '#channels/controllers/context'

/** Email channels (owners and admins): connected mailboxes, connecting IMAP/SMTP, sync now, disconnect. */
export default class EmailChannelsController {
  async index(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(ChannelsPolicy).authorize('manage', membership)
    const connections = await MailboxConnection.query().where('workspace_id', workspace.id).orderBy('created_at', 'asc')
    const props = { mailboxes: connections.map(mailboxDto), providers: MAILBOX_PROVIDER_OPTIONS }
    if (wantsJson(ctx)) return props
    return ctx.inertia.render('channels/email', props)
  }

  /** Tests both servers with the settings first; nothing is saved unless IMAP and SMTP accept the login. */
  async storeImap(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(ChannelsPolicy).authorize('manage', membership)
    const input = await ctx.request.validateUsing(imapMailboxValidator)
    const credentials = { imap: input.imap, smtp: input.smtp }
    const { syncCursor } = await imapProvider.test(credentials)
    const connection = await new ConnectMailbox().handle({ workspaceId: workspace.id, provider: 'imap', address: input.address, credentials: { ...credentials }, syncCursor })
    if (wantsJson(ctx)) return ctx.response.status(201).send({ mailbox: mailboxDto(connection) })
    ctx.session.flash('success', `Connected ${connection.address}. New mail arriving there becomes tickets.`)
    return ctx.response.redirect().back()
  }

  async sync(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(ChannelsPolicy).authorize('manage', membership)
    const connection = await findInWorkspaceOrFail(MailboxConnection, workspace, ctx.params.id, 'Mailbox')
    const outcome = await new SyncMailbox().handle(connection.id, { force: true })
    const created = outcome.results.filter((result) => result.status === 'ingested').length
    await connection.refresh()
    if (wantsJson(ctx)) return { status: outcome.status, ingested: created, results: outcome.results.map((result) => result.status), mailbox: mailboxDto(connection) }
    if (outcome.status === 'synced') ctx.session.flash('success', created ? `Synced: ${created} new ${created === 1 ? 'email' : 'emails'}.` : 'Synced: no new email.')
    else if (outcome.status === 'skipped') ctx.session.flash('error', connection.status === 'active' ? 'A sync of this mailbox is already running.' : 'This mailbox is not connected.')
    else ctx.session.flash('error', connection.lastError ?? 'The mailbox could not be read.')
    return ctx.response.redirect().back()
  }

  async destroy(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(ChannelsPolicy).authorize('manage', membership)
    const connection = await findInWorkspaceOrFail(MailboxConnection, workspace, ctx.params.id, 'Mailbox')
    await new DisconnectMailbox().handle(connection)
    if (wantsJson(ctx)) return { mailbox: mailboxDto(connection) }
    ctx.session.flash('success', `Disconnected ${connection.address}. Its settings were deleted; its tickets stay.`)
    return ctx.response.redirect().back()
  }
}
