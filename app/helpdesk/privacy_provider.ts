/**
 * The helpdesk's side of data-subject requests (app/core/subject_data.ts):
 * finds a person's contacts by blind index, exports their rows (exported
 * columns of the catalog only, decrypted, with attachment files) and erases
 * them table by table in batches, following each table's declared strategy
 * for its contact link. Processing choices (restriction, objections) live on
 * the contact and are read through `isProcessingAllowed`.
 */
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import type { SubjectDataProvider, SubjectIdentifiers, SubjectRecords, ErasureOutcome, RectifiedField } from '#core/subject_data'
import { registerSubjectDataProvider } from '#core/subject_data'
import type { TableDeclaration } from '#core/personal_data'
import { blindIndexFor } from '#vault/index'
import { helpdeskPersonalData } from '#helpdesk/personal_data'
import Contact from '#helpdesk/models/contact'
import ContactExternalId from '#helpdesk/models/contact_external_id'
import Ticket from '#helpdesk/models/ticket'
import TicketMessage from '#helpdesk/models/ticket_message'
import TicketAttachment from '#helpdesk/models/ticket_attachment'
import CsatSurvey from '#helpdesk/models/csat_survey'
import UpdateContact from '#helpdesk/actions/update_contact'
import { deleteSealedFile, readSealedFile } from '#helpdesk/services/attachment_store'

/** Purposes a contact can object to; restriction stops all of them. */
export const PROCESSING_PURPOSES = ['analytics', 'surveys', 'ai', 'marketing'] as const
export type ProcessingPurpose = (typeof PROCESSING_PURPOSES)[number]

/** False when the contact restricted processing or objected to this purpose. */
export function isProcessingAllowed(
  contact: { processingRestrictedAt?: unknown; processingObjections?: Record<string, string> | null } | null,
  purpose: ProcessingPurpose
) {
  if (!contact) return true
  if (contact.processingRestrictedAt) return false
  return !contact.processingObjections?.[purpose]
}

interface SubjectTable {
  table: string
  /** Column naming the contact ('id' for the contacts table itself). */
  link: string
  model?: LucidModel
}

/** Every helpdesk table with a contact's rows, in erasure order (children before parents). */
const SUBJECT_TABLES: SubjectTable[] = [
  { table: 'search_tokens', link: 'contact_id' },
  { table: 'analytics_events', link: 'contact_id' },
  { table: 'helpdesk_activities', link: 'contact_id' },
  { table: 'csat_surveys', link: 'contact_id', model: CsatSurvey },
  { table: 'ticket_attachments', link: 'contact_id', model: TicketAttachment },
  { table: 'ticket_messages', link: 'contact_id', model: TicketMessage },
  { table: 'tickets', link: 'contact_id', model: Ticket },
  { table: 'contact_external_ids', link: 'contact_id', model: ContactExternalId },
  { table: 'contacts', link: 'id', model: Contact },
]

const BATCH_SIZE = 500

/** Rows changed by an update/delete (a count on PostgreSQL; Lucid types it loosely). */
const affected = (result: unknown) => (Array.isArray(result) ? result.length : Number(result))

function declarationOf(table: string): TableDeclaration {
  const declaration = helpdeskPersonalData.tables.find((candidate) => candidate.table === table)
  if (!declaration) throw new Error(`helpdesk table ${table} is not in the catalog`)
  return declaration
}

function exportedColumns(declaration: TableDeclaration) {
  return Object.entries(declaration.columns)
    .filter(([, column]) => column.personal && column.exported)
    .map(([name]) => name)
}

function plain(value: unknown): unknown {
  if (value instanceof DateTime) return value.toISO()
  return value ?? null
}

/** What a table holds about the contact: its first personal column other than the link (e.g. search tokens: derived). */
function categoryOf(declaration: TableDeclaration, link: string) {
  const described = Object.entries(declaration.columns).find(([name, column]) => name !== link && column.personal)
  const column = described?.[1] ?? declaration.columns[link]
  return column?.personal ? column.category : 'identity'
}

function contactIdsOf(subject: SubjectIdentifiers) {
  return subject.ids.contact ?? []
}

async function rowsOf(spec: SubjectTable, workspaceId: string, contactIds: string[], columns: string[]) {
  if (spec.model) {
    const Model = spec.model
    const order = spec.link !== 'id' && 'created_at' in declarationOf(spec.table).columns ? 'created_at' : 'id'
    const models = await Model.query().where('workspace_id', workspaceId).whereIn(spec.link, contactIds).orderBy(order)
    return models.map((model) => {
      const row: Record<string, unknown> = {}
      for (const column of columns) row[column] = plain(model.$attributes[Model.$keys.columnsToAttributes.get(column) ?? column])
      return { row, model }
    })
  }
  const rows = await db.from(spec.table).where('workspace_id', workspaceId).whereIn(spec.link, contactIds).select(columns)
  return rows.map((row: Record<string, unknown>) => ({ row, model: null }))
}

async function countOf(spec: SubjectTable, workspaceId: string, contactIds: string[]) {
  const [{ total }] = await db.from(spec.table).where('workspace_id', workspaceId).whereIn(spec.link, contactIds).count('* as total')
  return Number(total)
}

function safeName(name: string) {
  return name.replace(/[^\w.-]+/g, '_').slice(0, 80) || 'file'
}

async function attachmentFiles(workspaceId: string, attachments: TicketAttachment[]) {
  const files: { path: string; bytes: Uint8Array }[] = []
  for (const attachment of attachments) {
    if (attachment.isShredded) continue
    const bytes = await readSealedFile(
      { workspaceId, attachmentId: attachment.id, contactId: attachment.contactId, sizeBytes: attachment.sizeBytes },
      attachment.storageKey
    )
    files.push({ path: `attachments/${attachment.id}/${safeName(attachment.filename)}`, bytes })
  }
  return files
}

/** Deletes (or unlinks) the rows of one table for these contacts, a batch at a time. */
async function eraseTable(spec: SubjectTable, workspaceId: string, contactIds: string[]): Promise<ErasureOutcome | null> {
  const declaration = declarationOf(spec.table)
  const linkDeclaration = declaration.columns[spec.link]
  const strategy = linkDeclaration?.personal ? linkDeclaration.erasure : 'delete'
  const category = categoryOf(declaration, spec.link)
  const primaryKey = 'id'
  let total = 0
  while (true) {
    const batch = await db
      .from(spec.table)
      .where('workspace_id', workspaceId)
      .whereIn(spec.link, contactIds)
      .select(primaryKey, ...(spec.table === 'ticket_attachments' ? ['storage_key'] : []))
      .limit(BATCH_SIZE)
    if (batch.length === 0) break
    const ids = batch.map((row: { id: string }) => row.id)
    if (strategy === 'anonymize') {
      await db.from(spec.table).where('workspace_id', workspaceId).whereIn(primaryKey, ids).update({ [spec.link]: null })
    } else {
      await db.from(spec.table).where('workspace_id', workspaceId).whereIn(primaryKey, ids).delete()
      for (const row of batch as { storage_key?: string }[]) if (row.storage_key) await deleteSealedFile(row.storage_key)
    }
    total += batch.length
  }
  if (total === 0) return null
  return { module: 'helpdesk', table: spec.table, category, action: strategy === 'anonymize' ? 'anonymized' : 'deleted', rows: total }
}

/**
 * A workspace user erased by the platform: every helpdesk column declared as
 * a link to staff with the anonymize strategy is cleared (the records stay).
 */
async function anonymizeStaffLinks(userIds: string[]): Promise<ErasureOutcome[]> {
  if (userIds.length === 0) return []
  const outcomes: ErasureOutcome[] = []
  for (const declaration of helpdeskPersonalData.tables) {
    for (const [column, declared] of Object.entries(declaration.columns)) {
      if (!declared.personal || declared.subject !== 'workspace_user' || declared.erasure !== 'anonymize') continue
      const rows = affected(await db.from(declaration.table).whereIn(column, userIds).update({ [column]: null }))
      if (rows) outcomes.push({ module: 'helpdesk', table: declaration.table, category: declared.category, action: 'anonymized', rows })
    }
  }
  return outcomes
}

export const helpdeskSubjectDataProvider: SubjectDataProvider = {
  module: 'helpdesk',

  async resolve(subject) {
    const workspaceId = subject.workspaceId
    if (!workspaceId) return {}
    const ids = new Set(subject.ids.contact ?? [])
    const lookups: [string, 'email' | 'phone' | 'external_id', string[]][] = [
      ['email_index', 'email', subject.emails],
      ['phone_index', 'phone', subject.phones],
    ]
    for (const [column, kind, values] of lookups) {
      for (const value of values) {
        const index = await blindIndexFor(workspaceId, kind, value)
        if (!index) continue
        const rows = await db.from('contacts').where('workspace_id', workspaceId).where(column, index).select('id')
        for (const row of rows) ids.add(row.id)
      }
    }
    for (const value of subject.externalIds) {
      const index = await blindIndexFor(workspaceId, 'external_id', value)
      if (!index) continue
      const rows = await db.from('contact_external_ids').where('workspace_id', workspaceId).where('value_index', index).select('contact_id')
      for (const row of rows) ids.add(row.contact_id)
    }
    return { contact: [...ids] }
  },

  async collect(subject, options) {
    const contactIds = contactIdsOf(subject)
    if (!subject.workspaceId || contactIds.length === 0) return []
    const records: SubjectRecords[] = []
    for (const spec of [...SUBJECT_TABLES].reverse()) {
      const declaration = declarationOf(spec.table)
      const columns = exportedColumns(declaration)
      const category = categoryOf(declaration, spec.link)
      if (columns.length === 0) {
        const heldRows = await countOf(spec, subject.workspaceId, contactIds)
        if (heldRows) records.push({ module: 'helpdesk', table: spec.table, category, rows: [], heldRows })
        continue
      }
      const found = await rowsOf(spec, subject.workspaceId, contactIds, columns)
      if (found.length === 0) continue
      const record: SubjectRecords = { module: 'helpdesk', table: spec.table, category, rows: found.map(({ row }) => row) }
      if (spec.table === 'ticket_attachments' && options?.files) {
        record.files = await attachmentFiles(subject.workspaceId, found.map(({ model }) => model as TicketAttachment))
      }
      records.push(record)
    }
    return records
  },

  async erase(subject) {
    const contactIds = contactIdsOf(subject)
    if (!subject.workspaceId) return anonymizeStaffLinks(subject.ids.workspace_user ?? [])
    if (contactIds.length === 0) return []
    const outcomes: ErasureOutcome[] = []
    for (const spec of SUBJECT_TABLES) {
      const outcome = await eraseTable(spec, subject.workspaceId, contactIds)
      if (outcome) outcomes.push(outcome)
    }
    return outcomes
  },

  async restrict(subject, restricted) {
    const contactIds = contactIdsOf(subject)
    if (!subject.workspaceId || contactIds.length === 0) return 0
    return affected(await db
      .from('contacts')
      .where('workspace_id', subject.workspaceId)
      .whereIn('id', contactIds)
      .update({ processing_restricted_at: restricted ? new Date() : null, updated_at: new Date() }))
  },

  async object(subject, purposes) {
    const contactIds = contactIdsOf(subject)
    if (!subject.workspaceId || contactIds.length === 0) return 0
    const stamp = new Date().toISOString()
    const patch = Object.fromEntries(purposes.map((purpose) => [purpose, stamp]))
    return affected(await db
      .from('contacts')
      .where('workspace_id', subject.workspaceId)
      .whereIn('id', contactIds)
      .update({ processing_objections: db.raw('processing_objections || ?::jsonb', [JSON.stringify(patch)]), updated_at: new Date() }))
  },

  async rectify(subject, corrections) {
    const contactIds = contactIdsOf(subject)
    if (!subject.workspaceId || contactIds.length === 0) return []
    const changed: RectifiedField[] = []
    for (const contactId of contactIds) {
      const contact = await Contact.query().where('workspace_id', subject.workspaceId).where('id', contactId).firstOrFail()
      const next = {
        name: corrections.name === undefined ? contact.name : corrections.name,
        email: corrections.email === undefined ? contact.email : corrections.email,
        phone: corrections.phone === undefined ? contact.phone : corrections.phone,
      }
      for (const field of ['name', 'email', 'phone'] as const) {
        if ((next[field] ?? null) !== (contact[field] ?? null)) {
          changed.push({ table: 'contacts', field, before: contact[field] ?? null, after: next[field] ?? null })
        }
      }
      await new UpdateContact().handle(subject.workspaceId, contactId, { ...next, traits: contact.traits ?? undefined })
    }
    return changed
  },
}

registerSubjectDataProvider(helpdeskSubjectDataProvider)
