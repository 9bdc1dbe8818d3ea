import type { HttpContext } from '@adonisjs/core/http'
import { simpleParser } from 'mailparser'
import { listDevMailbox, readDevMail } from '#identity/services/dev_mailbox'

/** Development-only view of the mails the app would have sent. */
export default class DevMailboxController {
  async index({ inertia, request }: HttpContext) {
    const files = (await listDevMailbox()).slice(0, 50)
    const messages = []
    for (const file of files) {
      const raw = await readDevMail(file)
      if (!raw) continue
      const parsed = await simpleParser(raw)
      messages.push({
        id: file,
        to: parsed.to ? [parsed.to].flat().map((address) => address.text).join(', ') : '',
        subject: parsed.subject ?? '(no subject)',
        date: parsed.date?.toISOString() ?? null,
        text: parsed.text ?? '',
      })
    }
    const selected = messages.find((message) => message.id === request.input('id')) ?? messages[0] ?? null
    return inertia.render('dev/mailbox', { messages, selectedId: selected?.id ?? null })
  }
}
