/**
 * Building the RFC 822 source of a reply with nodemailer's MailComposer (the
 * same MIME builder @adonisjs/mail uses), so every provider sends exactly
 * these bytes: Gmail and Graph take raw MIME, SMTP sends it as is.
 */
import MailComposer from 'nodemailer/lib/mail-composer/index.js'

export interface ReplyMail {
  from: { name: string; address: string }
  to: string
  subject: string
  text: string
  /** Without angle brackets. */
  messageId: string
  inReplyTo: string | null
  references: string[]
  ticketNumber: number
  attachments?: { filename: string; contentType: string; content: Uint8Array }[]
}

/** "Re: " once, however many times the subject was answered before. */
export function replySubject(subject: string) {
  const base = (subject || '').replace(/^\s*((re|aw|sv|fwd?)\s*:\s*)+/i, '').trim()
  return `Re: ${base || 'Your request'}`
}

const bracket = (id: string) => `<${id}>`

export async function composeReply(mail: ReplyMail): Promise<Uint8Array> {
  const composer = new MailComposer({
    from: { name: mail.from.name, address: mail.from.address },
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    messageId: bracket(mail.messageId),
    inReplyTo: mail.inReplyTo ? bracket(mail.inReplyTo) : undefined,
    references: mail.references.length ? mail.references.map(bracket) : undefined,
    // Our mail coming back in (a forward rule, a CC to the support address) is recognised and dropped.
    headers: { 'X-Vaultdesk': `reply; ticket=${mail.ticketNumber}`, 'Auto-Submitted': 'no' },
    attachments: (mail.attachments ?? []).map((file) => ({ filename: file.filename, contentType: file.contentType, content: Buffer.from(file.content) })),
  })
  const buffer = await composer.compile().build()
  return new Uint8Array(buffer)
}
