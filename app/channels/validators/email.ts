import vine from '@vinejs/vine'

const server = () =>
  vine.object({
    host: vine.string().trim().minLength(1).maxLength(253).regex(/^[a-zA-Z0-9.\-:[\]]+$/),
    port: vine.number().withoutDecimals().range([1, 65535]),
    secure: vine.boolean(),
    user: vine.string().trim().minLength(1).maxLength(254),
    password: vine.string().minLength(1).maxLength(500),
  })

/** An IMAP/SMTP mailbox: the address replies are sent from, and both servers' settings. */
export const imapMailboxValidator = vine.compile(
  vine.object({
    address: vine.string().trim().email().maxLength(254),
    imap: server(),
    smtp: server(),
  })
)
