/**
 * Registers the mailbox providers at boot (imported from start/events.ts).
 * Gmail and Microsoft 365 register theirs here next to IMAP.
 */
import { registerMailboxProvider } from '#channels/services/mail/provider'
import { imapProvider } from '#channels/services/mail/imap_provider'
import { gmailProvider } from '#channels/services/mail/gmail_provider'
import { microsoftProvider } from '#channels/services/mail/microsoft_provider'

registerMailboxProvider(imapProvider)
registerMailboxProvider(gmailProvider)
registerMailboxProvider(microsoftProvider)
