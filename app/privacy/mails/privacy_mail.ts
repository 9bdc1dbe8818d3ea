import { BaseMail } from '@adonisjs/mail'
import { renderMailHtml, renderMailText, type MailBody } from '#core/mail_layout'

/**
 * Mails to a data subject: verification, acknowledgement, extension notice,
 * completion and rejection. They name the organisation and the request,
 * never quote the person's data.
 */
export default class PrivacyMail extends BaseMail {
  constructor(
    private recipient: string,
    public subject: string,
    private body: MailBody
  ) {
    super()
  }

  prepare() {
    this.message.to(this.recipient).subject(this.subject).html(renderMailHtml(this.body)).text(renderMailText(this.body))
  }
}

const STATUS_FOOTNOTE = 'Keep this link private: it shows the state of your request.'

export function verificationMail(to: string, organisation: string, typeLabel: string, url: string) {
  return new PrivacyMail(to, `Confirm your privacy request to ${organisation}`, {
    heading: 'Confirm your privacy request',
    paragraphs: [`Someone asked ${organisation} to “${typeLabel}” for this email address. Confirm that it was you so we can start.`],
    action: { label: 'Confirm my request', url },
    footnote: 'The link works once and expires in 24 hours. If you did not ask, ignore this message: nothing will happen.',
  })
}

export function acknowledgementMail(to: string, organisation: string, typeLabel: string, dueDate: string, statusUrl: string) {
  return new PrivacyMail(to, `We received your privacy request to ${organisation}`, {
    heading: 'Your request is confirmed',
    paragraphs: [`${organisation} received your request to “${typeLabel}”. We will answer by ${dueDate} at the latest.`],
    action: { label: 'See the status of my request', url: statusUrl },
    footnote: STATUS_FOOTNOTE,
  })
}

export function extensionMail(to: string, organisation: string, dueDate: string, reason: string, statusUrl: string | null) {
  return new PrivacyMail(to, `Your privacy request to ${organisation} needs more time`, {
    heading: 'We need more time to answer',
    paragraphs: [`${organisation} extended the deadline of your request to ${dueDate}.`, `Reason: ${reason}`],
    action: statusUrl ? { label: 'See the status of my request', url: statusUrl } : undefined,
  })
}

export function completionMail(to: string, organisation: string, paragraphs: string[], action?: { label: string; url: string }, footnote?: string) {
  return new PrivacyMail(to, `Your privacy request to ${organisation} is complete`, {
    heading: 'Your request is complete',
    paragraphs,
    action,
    footnote,
  })
}

export function rejectionMail(to: string, organisation: string, typeLabel: string, reason: string) {
  return new PrivacyMail(to, `Your privacy request to ${organisation} was declined`, {
    heading: 'We could not carry out your request',
    paragraphs: [`${organisation} declined your request to “${typeLabel}”.`, `Reason: ${reason}`, 'You may complain to your data protection authority if you disagree.'],
  })
}
