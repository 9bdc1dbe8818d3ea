/**
 * Plain IMAP/SMTP mailboxes: imapflow reads INBOX by UID (cursor
 * "uidValidity:lastUid"), nodemailer's SMTP transport sends. Hosts are
 * resolved once and checked against private ranges (SSRF guard, as the
 * knowledge URL fetcher does), then connected to by address with the
 * host name for TLS; tests allow loopback by configuration.
 */
import dns from 'node:dns/promises'
import net from 'node:net'
import { isPrivateAddress } from '#core/private_addresses'
import { ImapFlow } from 'imapflow'
import nodemailer from 'nodemailer'
import env from '#start/env'
import { UserFacingError } from '#core/errors'
import {
  MailboxReconnectRequired,
  MailboxTemporarilyUnavailable,
  type FetchResult,
  type MailboxConnectionRef,
  type MailboxProvider,
  type OutboundMail,
  type RawInboundMail,
} from '#channels/services/mail/provider'
import { MAX_RAW_MAIL_BYTES } from '#channels/services/mail/inbound_mail'

export interface ServerSettings {
  host: string
  port: number
  secure: boolean
  user: string
  password: string
}

export interface ImapCredentials {
  imap: ServerSettings
  smtp: ServerSettings
}

/** Messages read per sync; the rest come with the next run (the cursor moves only past stored ones). */
export const IMAP_BATCH_SIZE = 50
const TIMEOUT_MS = 20_000



function privateHostsAllowed() {
  return env.get('NODE_ENV') !== 'production' && env.get('MAIL_ALLOW_PRIVATE_HOSTS') === true
}

/** The address to connect to: resolved once, refused when private (so DNS rebinding cannot switch it later). */
export async function resolveMailHost(host: string, label: string): Promise<string> {
  let addresses: string[]
  try {
    addresses = net.isIP(host) ? [host] : (await dns.lookup(host, { all: true })).map((entry) => entry.address)
  } catch {
    throw new UserFacingError(`The ${label} server “${host}” could not be found.`, label.toLowerCase())
  }
  if (!privateHostsAllowed() && addresses.some(isPrivateAddress)) {
    throw new UserFacingError(`The ${label} server “${host}” is on a private network; only public mail servers can be connected.`, label.toLowerCase())
  }
  return addresses[0]
}

export function imapCredentialsOf(connection: MailboxConnectionRef): ImapCredentials {
  const credentials = connection.credentials as Partial<ImapCredentials>
  if (!credentials.imap || !credentials.smtp) throw new MailboxReconnectRequired('The mailbox settings are missing; connect it again.')
  return credentials as ImapCredentials
}

async function openImap(settings: ServerSettings) {
  const address = await resolveMailHost(settings.host, 'IMAP')
  const client = new ImapFlow({
    host: address,
    servername: net.isIP(settings.host) ? undefined : settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 5 * 60_000,
  })
  client.on('error', () => {})
  try {
    await client.connect()
  } catch (error) {
    client.close()
    throw translateImapError(error)
  }
  return client
}

function translateImapError(error: unknown) {
  if (error instanceof UserFacingError) return error
  const failure = error as { authenticationFailed?: boolean; code?: string; message?: string }
  if (failure.authenticationFailed) return new MailboxReconnectRequired('The IMAP server refused the user name or password.')
  return new MailboxTemporarilyUnavailable(`The IMAP server could not be reached (${failure.code ?? 'connection failed'}).`)
}

function parseCursor(cursor: string | null) {
  const match = cursor?.match(/^(\d+):(\d+)$/)
  return match ? { uidValidity: BigInt(match[1]), lastUid: Number(match[2]) } : null
}

async function smtpTransport(settings: ServerSettings) {
  const address = await resolveMailHost(settings.host, 'SMTP')
  return nodemailer.createTransport({
    host: address,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password } : undefined,
    tls: net.isIP(settings.host) ? undefined : { servername: settings.host },
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 60_000,
  })
}

function translateSmtpError(error: unknown) {
  if (error instanceof UserFacingError) return error
  const failure = error as { code?: string; responseCode?: number }
  if (failure.code === 'EAUTH') return new MailboxReconnectRequired('The SMTP server refused the user name or password.')
  if (failure.responseCode) {
    return new MailboxTemporarilyUnavailable(`The SMTP server ${failure.responseCode >= 500 ? 'refused' : 'deferred'} the message (${failure.responseCode}).`)
  }
  return new MailboxTemporarilyUnavailable(`The SMTP server could not be reached (${failure.code ?? failure.responseCode ?? 'connection failed'}).`)
}

export const imapProvider: MailboxProvider & {
  test(credentials: ImapCredentials): Promise<{ syncCursor: string }>
} = {
  kind: 'imap',

  /** Logs in to both servers; the cursor returned starts syncing with mail that arrives from now on. */
  async test(credentials) {
    let client: ImapFlow
    try {
      client = await openImap(credentials.imap)
    } catch (error) {
      if (error instanceof UserFacingError) throw error
      throw new UserFacingError(`IMAP: ${(error as Error).message}`, 'imap')
    }
    let syncCursor: string
    try {
      const mailbox = await client.mailboxOpen('INBOX', { readOnly: true })
      syncCursor = `${mailbox.uidValidity}:${Math.max(0, Number(mailbox.uidNext) - 1)}`
    } catch {
      throw new UserFacingError('IMAP: the INBOX folder could not be opened.', 'imap')
    } finally {
      await client.logout().catch(() => client.close())
    }
    try {
      const transport = await smtpTransport(credentials.smtp)
      await transport.verify()
      transport.close()
    } catch (error) {
      if (error instanceof UserFacingError) throw error
      throw new UserFacingError(`SMTP: ${translateSmtpError(error).message}`, 'smtp')
    }
    return { syncCursor }
  },

  async fetch(connection): Promise<FetchResult> {
    const { imap } = imapCredentialsOf(connection)
    const client = await openImap(imap)
    try {
      const mailbox = await client.mailboxOpen('INBOX', { readOnly: true })
      const uidValidity = BigInt(mailbox.uidValidity)
      const cursor = parseCursor(connection.syncCursor)
      // A new UIDVALIDITY invalidates every UID we knew: read the folder again, the pipeline skips known Message-IDs.
      const lastUid = cursor && cursor.uidValidity === uidValidity ? cursor.lastUid : cursor ? 0 : Math.max(0, Number(mailbox.uidNext) - 1)
      const messages: RawInboundMail[] = []
      let newest = lastUid
      if (mailbox.exists > 0 && Number(mailbox.uidNext) > lastUid + 1) {
        const candidates: { uid: number; size: number }[] = []
        for await (const message of client.fetch(`${lastUid + 1}:*`, { uid: true, size: true }, { uid: true })) {
          if (message.uid > lastUid) candidates.push({ uid: message.uid, size: message.size ?? 0 })
        }
        candidates.sort((a, b) => a.uid - b.uid)
        const batch = candidates.slice(0, IMAP_BATCH_SIZE)
        const small = batch.filter((entry) => entry.size <= MAX_RAW_MAIL_BYTES).map((entry) => entry.uid)
        const sources = new Map<number, Uint8Array>()
        if (small.length) {
          for await (const message of client.fetch(small.join(','), { uid: true, source: true }, { uid: true })) {
            if (message.source) sources.set(message.uid, new Uint8Array(message.source))
          }
        }
        for (const entry of batch) {
          messages.push({
            providerMessageId: `${uidValidity}:${entry.uid}`,
            raw: sources.get(entry.uid) ?? new Uint8Array(0),
            ...(entry.size > MAX_RAW_MAIL_BYTES ? { oversizeBytes: entry.size } : {}),
          })
          newest = entry.uid
        }
      }
      return { messages, nextCursor: `${uidValidity}:${newest}` }
    } catch (error) {
      throw error instanceof MailboxReconnectRequired || error instanceof MailboxTemporarilyUnavailable ? error : translateImapError(error)
    } finally {
      await client.logout().catch(() => client.close())
    }
  },

  async send(connection, mail: OutboundMail) {
    const { smtp } = imapCredentialsOf(connection)
    const transport = await smtpTransport(smtp)
    try {
      const info = await transport.sendMail({ envelope: { from: mail.from, to: mail.to }, raw: Buffer.from(mail.raw) })
      return { providerMessageId: info.messageId ?? null }
    } catch (error) {
      throw translateSmtpError(error)
    } finally {
      transport.close()
    }
  },

  /** Nothing to revoke for a password login: wiping the stored credentials is the disconnect. */
  async disconnect() {},
}
