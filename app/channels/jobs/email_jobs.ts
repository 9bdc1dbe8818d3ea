import { DateTime } from 'luxon'
import logger from '@adonisjs/core/services/logger'
import jobs from '#core/jobs'
import type { MessageSentEvent } from '#helpdesk/index'
import MailboxConnection from '#channels/models/mailbox_connection'
import SyncMailbox from '#channels/actions/sync_mailbox'
import SendEmailReply from '#channels/actions/send_email_reply'
// Whatever process runs these jobs (web or `jobs:work`) has every mailbox provider registered.
import '#channels/services/mail/providers'

export const SYNC_MAILBOXES_JOB = 'channels.sync_mailboxes'
export const SYNC_MAILBOX_JOB = 'channels.sync_mailbox'
export const SEND_EMAIL_REPLY_JOB = 'channels.send_email_reply'

/** Every minute: a sync job per active mailbox whose backoff is over. */
export async function syncMailboxes() {
  const due = await MailboxConnection.query()
    .where('status', 'active')
    .where((query) => query.whereNull('next_attempt_at').orWhere('next_attempt_at', '<=', DateTime.now().toJSDate()))
    .select('id')
  for (const connection of due) await jobs.dispatch(SYNC_MAILBOX_JOB, { connectionId: connection.id })
}

export async function syncMailbox(data: { connectionId: string; force?: boolean }) {
  await new SyncMailbox().handle(data.connectionId, { force: data.force })
}

/** Throws on a failed send, so pg-boss retries it with backoff. */
export async function sendEmailReply(data: { workspaceId: string; messageId: string }) {
  await new SendEmailReply().handle(data)
}

/** Listener of the helpdesk's `helpdesk:message_sent` (start/events.ts): email tickets' replies go out by job. */
export async function queueEmailReply(event: MessageSentEvent) {
  if (event.channel !== 'email') return
  try {
    await jobs.dispatch(SEND_EMAIL_REPLY_JOB, { workspaceId: event.workspaceId, messageId: event.messageId })
  } catch (error) {
    // Inline mode runs the send right here; its failure is recorded on the email row, not the agent's request.
    logger.warn({ err: error, messageId: event.messageId }, 'email reply not sent')
  }
}
