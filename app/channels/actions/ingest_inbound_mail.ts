import { extname } from 'node:path'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { blindIndexFor } from '#vault/index'
import { ALLOWED_ATTACHMENT_TYPES, CreateInboundMessage, MAX_ATTACHMENT_BYTES, type AttachmentInput } from '#helpdesk/index'
import EmailMessage, { type EmailMessageStatus } from '#channels/models/email_message'
import MailboxConnection from '#channels/models/mailbox_connection'
import type { RawInboundMail } from '#channels/services/mail/provider'
import { MAX_RAW_MAIL_BYTES, MalformedMailError, parseInboundMail, type InboundAttachment, type ParsedInboundMail } from '#channels/services/mail/inbound_mail'

/** The helpdesk keeps at most this many files per message; more are noted, not stored. */
const MAX_FILES = 5
const MAX_BODY = 50_000
/** A claim older than this was left by a worker that died mid-way: the message is processed again. */
const STALE_CLAIM_MINUTES = 10

export interface IngestOutcome {
  status: EmailMessageStatus
  ticketId: string | null
}

/**
 * One fetched email into the helpdesk: claimed once per provider id (a
 * re-fetch is skipped), machine mail (auto-replies, bounces) and our own
 * mail coming back (loops) are recorded and dropped, the rest threads by
 * In-Reply-To/References onto its ticket or opens one through the
 * helpdesk's inbound action, the one the widget uses. Any failure is
 * recorded on the row and returned, never thrown: the batch goes on.
 */
export default class IngestInboundMail {
  async handle(connection: MailboxConnection, mail: RawInboundMail): Promise<IngestOutcome> {
    const row = await this.#claim(connection, mail)
    if (!row) return { status: 'duplicate', ticketId: null }
    try {
      return await this.#process(connection, mail, row)
    } catch (error) {
      const reason = error instanceof MalformedMailError ? `malformed: ${error.message}` : `${(error as Error).name ?? 'Error'}: could not be stored`
      if (!(error instanceof MalformedMailError)) logger.warn({ err: error, connectionId: connection.id, emailId: row.id }, 'inbound email failed')
      await this.#finish(row, { status: 'failed', error: reason.slice(0, 300) })
      return { status: 'failed', ticketId: null }
    }
  }

  /** Inserts the claim row, or returns null when this provider id was handled (or is being handled) already. */
  async #claim(connection: MailboxConnection, mail: RawInboundMail) {
    const now = DateTime.now()
    const inserted = await db
      .table('email_messages')
      .insert({
        workspace_id: connection.workspaceId,
        connection_id: connection.id,
        direction: 'inbound',
        status: 'processing',
        provider_message_id: mail.providerMessageId.slice(0, 255),
        provider_thread_id: mail.providerThreadId?.slice(0, 255) ?? null,
        attempts: 1,
        created_at: now.toJSDate(),
        updated_at: now.toJSDate(),
      })
      .onConflict(['connection_id', 'direction', 'provider_message_id'])
      .ignore()
      .returning('id')
    if (inserted.length) return EmailMessage.findOrFail(inserted[0].id ?? inserted[0])
    const existing = await EmailMessage.query()
      .where('connection_id', connection.id)
      .where('direction', 'inbound')
      .where('provider_message_id', mail.providerMessageId.slice(0, 255))
      .firstOrFail()
    const stale = existing.status === 'processing' && existing.updatedAt < DateTime.now().minus({ minutes: STALE_CLAIM_MINUTES })
    if (!stale) return null
    existing.merge({ attempts: existing.attempts + 1 })
    await existing.save()
    return existing
  }

  async #process(connection: MailboxConnection, mail: RawInboundMail, row: EmailMessage): Promise<IngestOutcome> {
    if (mail.oversizeBytes || mail.raw.byteLength > MAX_RAW_MAIL_BYTES) {
      throw new MalformedMailError(`message of ${Math.round((mail.oversizeBytes ?? mail.raw.byteLength) / 1024 / 1024)} MB is over the ${MAX_RAW_MAIL_BYTES / 1024 / 1024} MB limit`)
    }
    const parsed = await parseInboundMail(mail.raw)
    if (parsed.ours) return this.#skip(row, 'loop', 'carries our X-Vaultdesk header')
    if (parsed.machine) return this.#skip(row, parsed.machine, parsed.machine === 'bounce' ? 'delivery status notification' : 'automatic reply')
    if (!parsed.fromAddress) throw new MalformedMailError('no sender address')
    if (await this.#isOwnAddress(connection.workspaceId, parsed.fromAddress)) return this.#skip(row, 'loop', 'sent from a connected mailbox')

    const messageIdIndex = parsed.messageId ? await blindIndexFor(connection.workspaceId, 'external_id', parsed.messageId) : null
    if (messageIdIndex) {
      // The same mail under another provider id (a new UIDVALIDITY, or two connected mailboxes that both got it).
      const seen = await EmailMessage.query()
        .where('workspace_id', connection.workspaceId)
        .where('rfc_message_id_index', messageIdIndex)
        .where('direction', 'inbound')
        .where('status', 'ingested')
        .first()
      if (seen) return this.#skip(row, 'duplicate', 'Message-ID already stored', seen.ticketId)
    }

    const ticketId = await this.#threadTicket(connection.workspaceId, parsed, mail.providerThreadId ?? null)
    const { attachments, notes } = this.#attachments(parsed.attachments)
    const from = { email: parsed.fromAddress, name: parsed.fromName }
    // The message and its row are stored together: a worker dying in between leaves neither, so the
    // stale claim's retry cannot open the ticket a second time.
    return db.transaction(async (trx) => {
      const result = await new CreateInboundMessage().handle(
        {
          workspaceId: connection.workspaceId,
          from,
          subject: parsed.subject || null,
          body: this.#body(parsed.body, notes, attachments.length),
          channel: 'email',
          ticketId,
          attachments,
        },
        trx
      )
      const stored = await EmailMessage.findOrFail(row.id, { client: trx })
      stored.merge({
        status: 'ingested',
        ticketId: result.ticket.id,
        messageId: result.message.id,
        contactId: result.contact.id,
        rfcMessageId: parsed.messageId,
        error: null,
      })
      await stored.save()
      return { status: 'ingested' as const, ticketId: result.ticket.id }
    })
  }

  async #skip(row: EmailMessage, status: EmailMessageStatus, reason: string, ticketId: string | null = null): Promise<IngestOutcome> {
    await this.#finish(row, { status, error: reason })
    return { status, ticketId }
  }

  async #finish(row: EmailMessage, changes: { status: EmailMessageStatus; error: string | null }) {
    row.merge(changes)
    await row.save()
  }

  async #isOwnAddress(workspaceId: string, address: string) {
    const index = await blindIndexFor(workspaceId, 'email', address)
    const own = await MailboxConnection.query().where('workspace_id', workspaceId).where('address_index', index!).first()
    return Boolean(own)
  }

  /** The ticket an answer belongs to: by the Message-IDs it refers to, else by the provider's thread id. */
  async #threadTicket(workspaceId: string, parsed: ParsedInboundMail, providerThreadId: string | null) {
    if (parsed.threadIds.length) {
      const indexes = await Promise.all(parsed.threadIds.map((id) => blindIndexFor(workspaceId, 'external_id', id)))
      const rows = await EmailMessage.query()
        .where('workspace_id', workspaceId)
        .whereIn('rfc_message_id_index', indexes as string[])
        .whereNotNull('ticket_id')
        .orderBy('created_at', 'desc')
      // In-Reply-To first, then the newest reference.
      for (const index of indexes) {
        const hit = rows.find((row) => row.rfcMessageIdIndex === index)
        if (hit) return hit.ticketId
      }
    }
    if (providerThreadId) {
      const hit = await EmailMessage.query()
        .where('workspace_id', workspaceId)
        .where('provider_thread_id', providerThreadId)
        .whereNotNull('ticket_id')
        .orderBy('created_at', 'desc')
        .first()
      if (hit) return hit.ticketId
    }
    return null
  }

  /** Files the helpdesk accepts are kept (sealed by its attachment store); the others are named in the message. */
  #attachments(files: InboundAttachment[]) {
    const attachments: AttachmentInput[] = []
    const notes: string[] = []
    for (const file of files) {
      const extension = extname(file.filename).slice(1).toLowerCase()
      if (!file.bytes.byteLength) notes.push(`“${file.filename}” was empty`)
      else if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) notes.push(`“${file.filename}” is over ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`)
      else if (!ALLOWED_ATTACHMENT_TYPES[extension]) notes.push(`“${file.filename}” is not a file type we accept`)
      else if (attachments.length >= MAX_FILES) notes.push(`“${file.filename}” is over the limit of ${MAX_FILES} files`)
      else attachments.push({ filename: file.filename, bytes: file.bytes })
    }
    return { attachments, notes }
  }

  #body(text: string, notes: string[], keptFiles: number) {
    let body = text.length > MAX_BODY - 500 ? `${text.slice(0, MAX_BODY - 500)}\n\n[… the rest of this email was cut: it was too long]` : text
    if (notes.length) body += `\n\n[Attachments not kept: ${notes.join('; ')}.]`
    body = body.trim()
    return body || (keptFiles ? '' : '(empty email)')
  }
}
