import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import type { AuditMetadata } from '#core/audit'
import { erasureGuards, recipientSourcesList, type SubjectIdentifiers } from '#core/subject_data'
import type PrivacyRequest from '#privacy/models/privacy_request'
import PrivacyRecipientTask from '#privacy/models/privacy_recipient_task'
import { organisationOf, type Desk } from '#privacy/services/desk'
import { recordStep, type TrailActor } from '#privacy/services/trail'
import { completionMail } from '#privacy/mails/privacy_mail'

/** Closes a request and tells the subject what was done. */
export async function completeRequest(
  desk: Desk,
  request: PrivacyRequest,
  actor: TrailActor,
  outcome: { paragraphs: string[]; action?: { label: string; url: string }; footnote?: string; metadata?: AuditMetadata }
) {
  const email = request.email
  request.merge({ status: 'completed', completedAt: DateTime.now() })
  await request.save()
  await recordStep(request, 'completed', actor, { metadata: outcome.metadata })
  if (email) await mail.send(completionMail(email, organisationOf(desk), outcome.paragraphs, outcome.action, outcome.footnote))
}

/** The first legal hold (or other guard) that blocks erasing this subject, as a reason staff can read. */
export async function erasureBlockedBy(subject: SubjectIdentifiers) {
  for (const guard of erasureGuards()) {
    const reason = await guard(subject)
    if (reason) return reason
  }
  return null
}

/** GDPR Art. 19: one notification task per recipient of the subject's data. */
export async function createRecipientTasks(request: PrivacyRequest, subject: SubjectIdentifiers) {
  const tasks: PrivacyRecipientTask[] = []
  for (const source of recipientSourcesList()) {
    for (const recipient of await source(subject)) {
      tasks.push(
        await PrivacyRecipientTask.create({
          workspaceId: request.workspaceId,
          requestId: request.id,
          recipientName: recipient.name.slice(0, 120),
          recipientKind: recipient.kind,
          purpose: recipient.purpose.slice(0, 300),
          status: 'open',
        })
      )
    }
  }
  return tasks
}
