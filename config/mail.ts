import env from '#start/env'
import { defineConfig, transports } from '@adonisjs/mail'
import { DevMailboxTransport } from '#identity/services/dev_mailbox'

/**
 * SMTP when SMTP_HOST is set (production, and the local sink in tests);
 * otherwise mails are kept on disk and shown at /dev/mailbox.
 */
const fromHeader = env.get('MAIL_FROM') || 'Vaultdesk <no-reply@vaultdesk.local>'
const fromMatch = fromHeader.match(/^(.*)<(.+)>$/)

const mailConfig = defineConfig({
  default: env.get('SMTP_HOST') ? 'smtp' : 'dev_mailbox',
  from: fromMatch
    ? { name: fromMatch[1].trim(), address: fromMatch[2].trim() }
    : { address: fromHeader.trim(), name: 'Vaultdesk' },
  mailers: {
    smtp: transports.smtp({
      host: env.get('SMTP_HOST') || '127.0.0.1',
      port: env.get('SMTP_PORT') ?? 587,
      secure: false,
      ignoreTLS: !env.get('SMTP_USERNAME'),
      auth: env.get('SMTP_USERNAME')
        ? { type: 'login', user: env.get('SMTP_USERNAME')!, pass: env.get('SMTP_PASSWORD')!.release() }
        : undefined,
    }),
    dev_mailbox: () => new DevMailboxTransport(),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
