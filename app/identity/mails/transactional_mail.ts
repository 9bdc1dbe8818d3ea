import { BaseMail } from '@adonisjs/mail'
import { renderMailHtml, renderMailText, type MailBody } from '#core/mail_layout'

/** A mail with one heading, a few paragraphs and at most one action link. */
export default class TransactionalMail extends BaseMail {
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
