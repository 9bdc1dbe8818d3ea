import { DateTime } from 'luxon'
import { keyedHash } from '#core/keyed_hash'
import { UserFacingError } from '#core/errors'
import ConsentPurpose from '#governance/models/consent_purpose'
import ConsentPurposeVersion from '#governance/models/consent_purpose_version'
import ConsentEvent, { type ConsentSubjectType } from '#governance/models/consent_event'

export interface RecordConsentInput {
  workspaceId: string
  subject: { type: ConsentSubjectType; id: string }
  purposeKey: string
  decision: 'grant' | 'withdraw'
  /** SHA-256 of the exact text shown; required to grant, defaults to the latest text on withdrawal. */
  textHash?: string | null
  channel: string
  ip?: string | null
  /** The request carried `Sec-GPC: 1`. */
  globalPrivacyControl?: boolean
}

/**
 * Appends one event to the consent ledger. A grant arriving with the
 * Global Privacy Control signal is recorded as a refusal: the browser's
 * standing choice wins over a click. Used by the widget (channels) and the
 * public consent page.
 */
export default class RecordConsent {
  async handle(input: RecordConsentInput) {
    const purpose = await ConsentPurpose.query().where('workspace_id', input.workspaceId).where('key', input.purposeKey).first()
    if (!purpose) throw new UserFacingError('Unknown consent purpose.', 'purpose')
    const versions = ConsentPurposeVersion.query().where('purpose_id', purpose.id)
    const version = input.textHash ? await versions.where('text_hash', input.textHash).first() : await versions.orderBy('version', 'desc').first()
    if (!version) throw new UserFacingError('The consent text shown is not a known version of this purpose.', 'textHash')
    const gpc = Boolean(input.globalPrivacyControl)
    const decision = input.decision === 'grant' && gpc ? 'refuse' : input.decision
    return ConsentEvent.create({
      workspaceId: input.workspaceId,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      purposeId: purpose.id,
      purposeVersionId: version.id,
      decision,
      textHash: version.textHash,
      channel: input.channel,
      gpc,
      ipHash: input.ip ? keyedHash('consent_ip', input.ip).slice(0, 43) : null,
      occurredAt: DateTime.now(),
    })
  }
}

/** Current state per purpose for a subject: the latest event wins. */
export async function consentStateOf(workspaceId: string, subject: { type: ConsentSubjectType; id: string }) {
  const events = await ConsentEvent.query()
    .where('workspace_id', workspaceId)
    .where('subject_type', subject.type)
    .where('subject_id', subject.id)
    .orderBy('occurred_at', 'asc')
    .orderBy('id', 'asc')
  const state = new Map<string, ConsentEvent>()
  for (const event of events) state.set(event.purposeId, event)
  return { events, state }
}
