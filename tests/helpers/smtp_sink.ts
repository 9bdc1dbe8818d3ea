/**
 * A real SMTP server on loopback that keeps what it receives, so tests read
 * the mails the app sent through its SMTP transport (no fake mailer).
 */
import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'

export interface ReceivedMail {
  to: string[]
  from: string
  subject: string
  text: string
  html: string
  parsed: ParsedMail
}

export class SmtpSink {
  #server: SMTPServer
  messages: ReceivedMail[] = []
  #waiters: { predicate: (mail: ReceivedMail) => boolean; resolve: (mail: ReceivedMail) => void }[] = []

  constructor(public port: number) {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const mail: ReceivedMail = {
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              parsed,
            }
            if (process.env.DEBUG_SMTP) console.log('SMTP got', mail.to, mail.subject)
            this.messages.push(mail)
            this.#waiters = this.#waiters.filter((waiter) => {
              if (!waiter.predicate(mail)) return true
              waiter.resolve(mail)
              return false
            })
            callback()
          })
          .catch(callback)
      },
    })
  }

  start() {
    return new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject)
      this.#server.listen(this.port, '127.0.0.1', () => resolve())
    })
  }

  stop() {
    return new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }

  clear() {
    this.messages = []
  }

  /** The newest mail to an address (optionally matching the subject), waiting for it briefly. */
  async lastTo(address: string, subject?: RegExp, timeoutMs = 5000): Promise<ReceivedMail> {
    const predicate = (mail: ReceivedMail) =>
      mail.to.includes(address.toLowerCase()) && (!subject || subject.test(mail.subject))
    const found = [...this.messages].reverse().find(predicate)
    if (found) return found
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No mail to ${address} within ${timeoutMs} ms`)), timeoutMs)
      this.#waiters.push({
        predicate,
        resolve: (mail) => {
          clearTimeout(timer)
          resolve(mail)
        },
      })
    })
  }

  /** First link in a mail's text that starts with the given base URL. */
  static linkIn(mail: ReceivedMail, pathPrefix: string) {
    const match = mail.text.match(new RegExp(`https?://[^\\s]*${pathPrefix.replace(/[/]/g, '\\/')}[^\\s]*`))
    if (!match) throw new Error(`No link with ${pathPrefix} in mail "${mail.subject}"`)
    return match[0]
  }
}

export const smtpSink = new SmtpSink(Number(process.env.SMTP_PORT || 2526))
