import { BaseMail } from '@adonisjs/mail'
import { escapeHtml } from '#core/mail_layout'

export const CSAT_SCORE_LABELS: Record<number, string> = {
  1: 'Very poor',
  2: 'Poor',
  3: 'Okay',
  4: 'Good',
  5: 'Excellent',
}

export interface CsatMailContent {
  to: string
  contactName: string | null
  workspaceName: string
  ticketNumber: number
  question: string
  /** One signed link per score, 1 to 5. */
  links: Record<number, string>
  validDays: number
}

/**
 * The satisfaction survey: one click on a score records it. The mail names
 * the ticket by number only; it never quotes the conversation.
 */
export default class CsatSurveyMail extends BaseMail {
  subject: string

  constructor(private content: CsatMailContent) {
    super()
    this.subject = `How did we do? Your request #${content.ticketNumber} with ${content.workspaceName}`
  }

  prepare() {
    const { content } = this
    const greeting = content.contactName ? `Hello ${content.contactName},` : 'Hello,'
    const intro = `Your request #${content.ticketNumber} with ${content.workspaceName} was resolved. ${content.question}`
    const scores = [5, 4, 3, 2, 1]
    const footnote = `One click records your rating; you can add a comment on the next page. The links work once and expire in ${content.validDays} days.`
    const text = [greeting, '', intro, '', ...scores.map((score) => `${score} – ${CSAT_SCORE_LABELS[score]}: ${content.links[score]}`), '', footnote].join('\n')
    const buttons = scores
      .map(
        (score) =>
          `<p><a href="${escapeHtml(content.links[score])}" style="display:inline-block;min-width:220px;background:#4c6ef5;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${score} – ${escapeHtml(CSAT_SCORE_LABELS[score])}</a></p>`
      )
      .join('\n')
    const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;max-width:560px;margin:auto">
<h1 style="font-size:20px">${escapeHtml(content.question)}</h1>
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
${buttons}
<p style="font-size:12px;color:#666">${escapeHtml(footnote)}</p>
</body></html>`
    this.message.to(content.to).subject(this.subject).text(text).html(html)
  }
}
