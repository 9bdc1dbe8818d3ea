/**
 * Governance's part in data-subject requests (#core/subject_data): legal
 * holds block erasure, active subprocessors are recipients to notify (GDPR
 * Art. 19), and consent events are exported and kept as proof of consent.
 */
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { registerErasureGuard, registerRecipientSource, registerSubjectDataProvider, type SubjectIdentifiers } from '#core/subject_data'
import LegalHold from '#governance/models/legal_hold'
import Subprocessor from '#governance/models/subprocessor'
import ConsentEvent from '#governance/models/consent_event'

registerErasureGuard('legal_hold', async (subject) => {
  if (!subject.workspaceId) return null
  const contactIds = subject.ids.contact ?? []
  const ticketIds = contactIds.length
    ? ((await db.from('tickets').where('workspace_id', subject.workspaceId).whereIn('contact_id', contactIds).select('id')) as { id: string }[]).map((row) => row.id)
    : []
  const holds = await LegalHold.query()
    .where('workspace_id', subject.workspaceId)
    .whereNull('released_at')
    .where((query) => {
      query.where('scope', 'workspace')
      if (contactIds.length) query.orWhere((q) => q.where('scope', 'contact').whereIn('target_id', contactIds))
      if (ticketIds.length) query.orWhere((q) => q.where('scope', 'ticket').whereIn('target_id', ticketIds))
    })
    .orderBy('placed_at')
  const hold = holds[0]
  if (!hold) return null
  const what = { workspace: 'the whole workspace', contact: 'this contact', ticket: 'a ticket of this contact' }[hold.scope]
  return `Legal hold on ${what} since ${hold.placedAt.toISODate()}: ${hold.reason}`
})

/** Subprocessors in effect now that process workspace data. */
export async function activeSubprocessors(now = DateTime.now()) {
  return Subprocessor.query()
    .where('processes_workspace_data', true)
    .where('effective_at', '<=', now.toJSDate())
    .where((query) => query.whereNull('retired_at').orWhere('retired_at', '>', now.toJSDate()))
    .orderBy('name')
}

registerRecipientSource('subprocessors', async (subject) => {
  if (!subject.workspaceId) return []
  return (await activeSubprocessors()).map((subprocessor) => ({
    name: `${subprocessor.name} (${subprocessor.legalEntity})`,
    kind: 'subprocessor' as const,
    purpose: subprocessor.purpose,
  }))
})

function consentQuery(subject: SubjectIdentifiers) {
  const contactIds = subject.ids.contact ?? []
  const visitorIds = subject.ids.visitor ?? []
  return ConsentEvent.query()
    .where('workspace_id', subject.workspaceId!)
    .where((query) => {
      query.where((q) => q.where('subject_type', 'contact').whereIn('subject_id', contactIds.length ? contactIds : ['-']))
      query.orWhere((q) => q.where('subject_type', 'visitor').whereIn('subject_id', visitorIds.length ? visitorIds : ['-']))
    })
}

registerSubjectDataProvider({
  module: 'governance',
  async collect(subject) {
    if (!subject.workspaceId) return []
    const events = await consentQuery(subject).orderBy('occurred_at')
    if (!events.length) return []
    return [
      {
        module: 'governance',
        table: 'consent_events',
        category: 'consent',
        // Keys are the catalog's column names: an export carries exported columns only.
        rows: events.map((event) => ({
          subject_id: event.subjectId,
          decision: event.decision,
          channel: event.channel,
          gpc: event.gpc,
          occurred_at: event.occurredAt.toISO(),
        })),
      },
    ]
  },
  async erase(subject) {
    if (!subject.workspaceId) return []
    const count = (await consentQuery(subject)).length
    if (!count) return []
    return [
      {
        module: 'governance',
        table: 'consent_events',
        category: 'consent',
        action: 'retained',
        rows: count,
        legalBasis: 'Kept as proof of consent and of its withdrawal (GDPR Art. 7(1), legal obligation); ids and hashes only, no content.',
      },
    ]
  },
})
