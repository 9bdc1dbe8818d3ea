import { BaseMail } from '@adonisjs/mail'
import { renderMailHtml, renderMailText, type MailBody } from '#core/mail_layout'

/** Subprocessor and policy-change notices to workspace owners and subscribers. */
export default class NoticeMail extends BaseMail {
  constructor(
    private recipient: string,
    public subject: string,
    private body: MailBody
  ) {
    super()
  }

  prepare() {
    this.message.to(this.recipient).subject(this.subject).text(renderMailText(this.body)).html(renderMailHtml(this.body))
  }
}
