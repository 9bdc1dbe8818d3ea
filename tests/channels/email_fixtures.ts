/**
 * Real mail servers for the email channel's tests: a hoodiecrow IMAP server
 * (speaks IMAP4rev1 on loopback, mail appended while it runs) and an SMTP
 * server (smtp-server) that keeps every raw message the app sends. Both
 * listen on free ports, so parallel test runs do not collide.
 */
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'
import ConnectMailbox from '#channels/actions/connect_mailbox'
import { imapProvider, type ImapCredentials } from '#channels/services/mail/imap_provider'

const require = createRequire(import.meta.url)
const hoodiecrow = require('hoodiecrow-imap') as (options: object) => any

export const MAILBOX_ADDRESS = 'support@acme-mail.test'
export const MAILBOX_PASSWORD = 'imap-secret-pw'

export class ImapTestServer {
  #server: any
  port = 0

  async start() {
    this.#server = hoodiecrow({ plugins: ['ID', 'UNSELECT', 'ENABLE'], storage: { INBOX: { messages: [] } }, users: { [MAILBOX_ADDRESS]: { password: MAILBOX_PASSWORD } } })
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve))
    this.port = (this.#server.server.address() as AddressInfo).port
  }

  async stop() {
    if (!this.#server) return
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
    this.#server = null
  }

  /** A new mail arrives in INBOX. */
  deliver(raw: string) {
    this.#server.appendMessage('INBOX', [], false, raw.replace(/\r?\n/g, '\r\n'))
  }

  /** Empties INBOX (UIDs keep growing, as on a real server). */
  clear() {
    this.#server.getMailbox('INBOX').messages = []
  }

  /** The server renumbers INBOX (as after a mailbox restore): every UID we knew is void. */
  changeUidValidity(value: number) {
    this.#server.getMailbox('INBOX').uidvalidity = value
  }

  changePassword(password: string) {
    this.#server.users[MAILBOX_ADDRESS] = { password }
  }
}

export interface SentMail {
  from: string
  to: string[]
  raw: string
  parsed: ParsedMail
}

/** The SMTP server the connected mailbox sends through. */
export class MailboxSmtpSink {
  #server: SMTPServer
  port = 0
  messages: SentMail[] = []
  failNext = 0

  constructor() {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (_auth, _session, callback) => callback(null, { user: 'ok' }),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          if (this.failNext > 0) {
            this.failNext--
            return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }))
          }
          const raw = Buffer.concat(chunks).toString('utf8')
          simpleParser(raw)
            .then((parsed) => {
              this.messages.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw, parsed })
              callback()
            })
            .catch(callback)
        })
      },
    })
  }

  async start() {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', () => resolve()))
    this.port = (this.#server.server.address() as AddressInfo).port
  }

  stop() {
    return new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }

  async waitFor(predicate: (mail: SentMail) => boolean, timeoutMs = 5000) {
    const started = Date.now()
    while (Date.now() - started < timeoutMs) {
      const found = this.messages.find(predicate)
      if (found) return found
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    throw new Error('no matching mail reached the SMTP sink')
  }
}

export function imapCredentials(imap: ImapTestServer, smtp: MailboxSmtpSink, password = MAILBOX_PASSWORD): ImapCredentials {
  return {
    imap: { host: '127.0.0.1', port: imap.port, secure: false, user: MAILBOX_ADDRESS, password },
    smtp: { host: '127.0.0.1', port: smtp.port, secure: false, user: MAILBOX_ADDRESS, password },
  }
}

/** A connected IMAP mailbox (tested like the page does), syncing from now on. */
export async function connectedImap(workspaceId: string, imap: ImapTestServer, smtp: MailboxSmtpSink) {
  const credentials = imapCredentials(imap, smtp)
  const { syncCursor } = await imapProvider.test(credentials)
  return new ConnectMailbox().handle({ workspaceId, provider: 'imap', address: MAILBOX_ADDRESS, credentials: { ...credentials }, syncCursor })
}

let counter = 0

/** An RFC 822 message from a customer; returns its Message-ID (without brackets) and source. */
export function customerMail(options: { subject?: string; body?: string; from?: string; headers?: string; inReplyTo?: string; references?: string[]; contentType?: string } = {}) {
  const id = `m${Date.now()}.${++counter}@customer.test`
  const lines = [
    `From: ${options.from ?? 'Carla Customer <carla@customer.test>'}`,
    `To: ${MAILBOX_ADDRESS}`,
    `Subject: ${options.subject ?? 'Where is my order?'}`,
    `Message-ID: <${id}>`,
    `Date: ${new Date().toUTCString()}`,
    ...(options.inReplyTo ? [`In-Reply-To: <${options.inReplyTo}>`] : []),
    ...(options.references ? [`References: ${options.references.map((ref) => `<${ref}>`).join(' ')}`] : []),
    ...(options.headers ? [options.headers] : []),
    'MIME-Version: 1.0',
    `Content-Type: ${options.contentType ?? 'text/plain; charset=utf-8'}`,
    '',
    options.body ?? 'Hello, my order #1001 has not arrived yet.',
    '',
  ]
  return { id, raw: lines.join('\r\n') }
}
