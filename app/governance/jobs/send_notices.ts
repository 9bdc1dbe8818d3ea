import mail from '@adonisjs/mail/services/main'
import env from '#start/env'
import Subprocessor from '#governance/models/subprocessor'
import PolicyVersion from '#governance/models/policy_version'
import NoticeMail from '#governance/mails/notice_mail'
import { noticeRecipients } from '#governance/services/notice_recipients'

export const SEND_NOTICES_JOB = 'governance.send_notices'

export interface SendNoticesPayload {
  kind: 'subprocessor' | 'policy_version'
  id: string
}

const day = (date: { toFormat(format: string): string }) => date.toFormat('d LLLL yyyy')

/** Mails a subprocessor announcement or a policy-change announcement to every owner and subscriber. */
export async function sendNotices(payload: SendNoticesPayload) {
  const recipients = await noticeRecipients()
  const appUrl = env.get('APP_URL')
  if (payload.kind === 'subprocessor') {
    const subprocessor = await Subprocessor.find(payload.id)
    if (!subprocessor) return
    for (const recipient of recipients) {
      await mail.send(
        new NoticeMail(recipient.email, `New subprocessor: ${subprocessor.name} (from ${day(subprocessor.effectiveAt)})`, {
          heading: `We plan to add ${subprocessor.name} as a subprocessor`,
          paragraphs: [
            `${subprocessor.legalEntity} (${subprocessor.country}) will process data for: ${subprocessor.purpose}.`,
            `Category: ${subprocessor.category}. Region: ${subprocessor.region}. Transfer mechanism: ${subprocessor.transferMechanism}.`,
            `It takes effect on ${day(subprocessor.effectiveAt)}. Until then you can object from your workspace.`,
          ],
          action: { label: 'Review and object', url: `${appUrl}/w/${recipient.workspaceSlug}/governance/subprocessors` },
          footnote: `The full list is public at ${appUrl}/subprocessors.`,
        })
      )
    }
    return
  }
  const version = await PolicyVersion.find(payload.id)
  if (!version) return
  for (const recipient of recipients) {
    await mail.send(
      new NoticeMail(recipient.email, `Privacy policy update ${version.version}, effective ${day(version.effectiveAt)}`, {
        heading: version.title,
        paragraphs: [version.summary, `The new version takes effect on ${day(version.effectiveAt)}.`],
        action: { label: 'Read the new version', url: `${appUrl}/privacy-policy` },
      })
    )
  }
}
