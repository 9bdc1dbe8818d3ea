import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { UserFacingError } from '#core/errors'
import { audit } from '#core/audit'
import Contact from '#helpdesk/models/contact'
import ContactExternalId from '#helpdesk/models/contact_external_id'
import Ticket from '#helpdesk/models/ticket'
import TicketMessage from '#helpdesk/models/ticket_message'
import TicketAttachment from '#helpdesk/models/ticket_attachment'
import CsatSurvey from '#helpdesk/models/csat_survey'
import { findInWorkspace } from '#helpdesk/services/records'
import { recordActivity } from '#helpdesk/services/activity'
import { deleteSealedFile, readSealedFile, storageKeyFor, writeSealedFile } from '#helpdesk/services/attachment_store'

export interface MergeContactsInput {
  workspaceId: string
  /** The contact that stays. */
  targetContactId: string
  /** The duplicate, folded into the target and then deleted. */
  sourceContactId: string
  actorUserId: string | null
}

export interface MergeResult {
  contact: Contact
  moved: { tickets: number; messages: number; attachments: number; surveys: number; externalIds: number }
}

/**
 * Folds a duplicate contact into another. Its whole history moves: tickets,
 * messages, notes, attachments, surveys, external ids, search tokens and
 * analytics rows. Everything that was sealed with the duplicate's key is
 * sealed again with the target's key, so the duplicate's key protects
 * nothing afterwards. The target keeps its own details and takes the
 * duplicate's for fields it lacks; a restriction on either applies to both,
 * and so does every per-purpose objection (the earliest date is kept).
 * The merge is recorded as a `contact.merged` helpdesk activity and reported
 * to the audit log (ids and counts only).
 */
/** Objections of both contacts (purpose -> ISO date); when both objected to a purpose, the earlier date stands. */
export function unionOfObjections(...sets: (Record<string, string> | null | undefined)[]) {
  const union: Record<string, string> = {}
  for (const set of sets) {
    for (const [purpose, since] of Object.entries(set ?? {})) {
      if (!union[purpose] || since < union[purpose]) union[purpose] = since
    }
  }
  return union
}

export default class MergeContacts {
  async handle(input: MergeContactsInput): Promise<MergeResult> {
    if (input.targetContactId === input.sourceContactId) {
      throw new UserFacingError('Choose two different contacts to merge.', 'sourceContactId')
    }
    const newFiles: string[] = []
    const oldFiles: string[] = []
    try {
      const result = await db.transaction(async (trx) => {
        const options = { client: trx, forUpdate: true, label: 'Contact' }
        const target = await findInWorkspace(Contact, input.workspaceId, input.targetContactId, options)
        const source = await findInWorkspace(Contact, input.workspaceId, input.sourceContactId, options)
        target.useTransaction(trx)
        const moved = { tickets: 0, messages: 0, attachments: 0, surveys: 0, externalIds: 0 }
        const scoped = <T extends { where: Function }>(query: T) => query.where('workspace_id', input.workspaceId).where('contact_id', source.id)

        // Moving a row to another contact reseals its encrypted values under that contact's key.
        for (const ticket of await scoped(Ticket.query({ client: trx }))) {
          ticket.useTransaction(trx)
          ticket.contactId = target.id
          await ticket.save()
          moved.tickets++
        }
        for (const message of await scoped(TicketMessage.query({ client: trx }))) {
          message.useTransaction(trx)
          message.contactId = target.id
          await message.save()
          moved.messages++
        }
        for (const survey of await scoped(CsatSurvey.query({ client: trx }))) {
          survey.useTransaction(trx)
          survey.contactId = target.id
          await survey.save()
          moved.surveys++
        }
        for (const attachment of await scoped(TicketAttachment.query({ client: trx }))) {
          // The file is sealed again under a new disk key; the old file goes only once the merge committed.
          const ref = { workspaceId: input.workspaceId, attachmentId: attachment.id, contactId: source.id, sizeBytes: attachment.sizeBytes }
          const bytes = await readSealedFile(ref, attachment.storageKey, trx)
          const storageKey = `${storageKeyFor(input.workspaceId, attachment.id)}-${randomUUID().slice(0, 8)}`
          newFiles.push(await writeSealedFile({ ...ref, contactId: target.id }, bytes, trx, storageKey))
          oldFiles.push(attachment.storageKey)
          attachment.useTransaction(trx)
          attachment.contactId = target.id
          attachment.storageKey = storageKey
          await attachment.save()
          moved.attachments++
        }
        const targetExternalIds = await ContactExternalId.query({ client: trx }).where('workspace_id', input.workspaceId).where('contact_id', target.id)
        for (const externalId of await scoped(ContactExternalId.query({ client: trx }))) {
          externalId.useTransaction(trx)
          if (targetExternalIds.some((own) => own.system === externalId.system && own.valueIndex === externalId.valueIndex)) {
            await externalId.delete()
            continue
          }
          externalId.contactId = target.id
          await externalId.save()
          moved.externalIds++
        }
        for (const table of ['search_tokens', 'analytics_events', 'helpdesk_activities']) {
          await trx.from(table).where('workspace_id', input.workspaceId).where('contact_id', source.id).update({ contact_id: target.id })
        }

        const fallback = { name: source.name, email: source.email, phone: source.phone, traits: source.traits }
        const restrictedAt = target.processingRestrictedAt ?? source.processingRestrictedAt
        const objections = unionOfObjections(target.processingObjections, source.processingObjections)
        source.useTransaction(trx)
        await source.delete()
        target.merge({
          name: target.name ?? fallback.name,
          email: target.email ?? fallback.email,
          phone: target.phone ?? fallback.phone,
          traits: fallback.traits || target.traits ? { ...(fallback.traits ?? {}), ...(target.traits ?? {}) } : null,
          processingRestrictedAt: restrictedAt,
          processingObjections: objections,
        })
        await target.save()
        await recordActivity(
          {
            workspaceId: input.workspaceId,
            actorUserId: input.actorUserId,
            action: 'contact.merged',
            contactId: target.id,
            details: { sourceContactId: source.id, targetContactId: target.id, ...moved },
          },
          trx
        )
        return { contact: target, moved }
      })
      await Promise.all(oldFiles.map((key) => deleteSealedFile(key).catch(() => undefined)))
      await audit({
        action: 'contact.merged',
        workspaceId: input.workspaceId,
        targetType: 'contact',
        targetId: result.contact.id,
        metadata: { sourceContactId: input.sourceContactId, ...result.moved },
        ...(input.actorUserId ? { actor: { type: 'user' as const, id: input.actorUserId } } : {}),
      })
      return result
    } catch (error) {
      await Promise.all(newFiles.map((key) => deleteSealedFile(key).catch(() => undefined)))
      throw error
    }
  }
}
