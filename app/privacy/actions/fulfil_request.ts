import jobs from '#core/jobs'
import { UserFacingError } from '#core/errors'
import { subjectDataProviders, type SubjectCorrections, type RectifiedField } from '#core/subject_data'
import type PrivacyRequest from '#privacy/models/privacy_request'
import { identifiersOf, resolveSubject } from '#privacy/services/subject_lookup'
import { type Desk } from '#privacy/services/desk'
import { assertStatus } from '#privacy/services/transitions'
import { recordStep } from '#privacy/services/trail'
import { completeRequest, createRecipientTasks, erasureBlockedBy } from '#privacy/services/completion'
import { CONSENT_PURPOSES, OBJECTION_PURPOSES } from '#privacy/services/request_types'

export const BUILD_EXPORT_JOB = 'privacy.build_export'
export const ERASE_SUBJECT_JOB = 'privacy.erase_subject'

export interface FulfilInput {
  /** Rectification: the corrected values staff approved. */
  corrections?: SubjectCorrections
  /** Objection: the purposes processing stops for (defaults to what the subject named). */
  purposes?: string[]
}

/**
 * Carries out an approved request. Exports and erasures run as background
 * jobs (they may be large); restriction, objection, consent withdrawal and
 * rectification apply at once through every module's provider.
 */
export default class FulfilRequest {
  async handle(desk: Desk, request: PrivacyRequest, actorUserId: string, input: FulfilInput = {}) {
    assertStatus(request, ['in_progress'], 'fulfilled (approve it first)')
    const actor = { type: 'user' as const, userId: actorUserId }
    const subject = await resolveSubject(identifiersOf(request))

    switch (request.type) {
      case 'access':
      case 'portability':
        await recordStep(request, 'fulfilment_started', actor)
        await jobs.dispatch(BUILD_EXPORT_JOB, { requestId: request.id })
        break
      case 'erasure': {
        const blocked = await erasureBlockedBy(subject)
        if (blocked) {
          request.blockedReason = blocked
          await request.save()
          await recordStep(request, 'erasure_blocked', actor, { note: blocked })
          throw new UserFacingError(`Erasure is blocked: ${blocked}`, undefined, { status: 409, code: 'E_ERASURE_BLOCKED' })
        }
        request.blockedReason = null
        await request.save()
        await recordStep(request, 'fulfilment_started', actor)
        await jobs.dispatch(ERASE_SUBJECT_JOB, { requestId: request.id, actorUserId })
        break
      }
      case 'rectification': {
        const corrections = input.corrections ?? {}
        if (!Object.values(corrections).some((value) => value !== undefined)) {
          throw new UserFacingError('Enter the corrected values to apply.', 'corrections')
        }
        const changed: RectifiedField[] = []
        for (const provider of subjectDataProviders()) if (provider.rectify) changed.push(...(await provider.rectify(subject, corrections)))
        // Before/after values go to the request's sealed trail; the audit log gets field names only.
        await recordStep(request, 'rectified', actor, {
          note: changed.map((field) => `${field.table}.${field.field}: “${field.before ?? ''}” → “${field.after ?? ''}”`).join('\n') || 'Nothing needed changing.',
          metadata: { fields: changed.map((field) => `${field.table}.${field.field}`).join(',') },
        })
        const tasks = await createRecipientTasks(request, subject)
        await completeRequest(desk, request, actor, {
          paragraphs: [changed.length ? `We corrected ${changed.length} detail${changed.length === 1 ? '' : 's'} we hold about you.` : 'The details we hold about you were already correct.'],
          metadata: { fieldsChanged: changed.length, recipientTasks: tasks.length },
        })
        break
      }
      case 'restriction': {
        let rows = 0
        for (const provider of subjectDataProviders()) if (provider.restrict) rows += await provider.restrict(subject, true)
        await completeRequest(desk, request, actor, {
          paragraphs: [rows ? 'We restricted the processing of your data: it is stored, but no longer used for analytics, surveys, AI features or marketing.' : 'We hold no personal data about you, so there is nothing to restrict.'],
          metadata: { recordsRestricted: rows },
        })
        break
      }
      case 'objection':
      case 'withdraw_consent': {
        const purposes = this.#purposes(request, input)
        let rows = 0
        for (const provider of subjectDataProviders()) if (provider.object) rows += await provider.object(subject, purposes)
        await completeRequest(desk, request, actor, {
          paragraphs: [rows ? `We stopped processing your data for: ${purposes.join(', ')}.` : 'We hold no personal data about you, so nothing is processed.'],
          metadata: { purposes: purposes.join(','), records: rows },
        })
        break
      }
    }
    await request.refresh()
    return request
  }

  #purposes(request: PrivacyRequest, input: FulfilInput) {
    if (request.type === 'withdraw_consent') return [...CONSENT_PURPOSES]
    const named = input.purposes?.length ? input.purposes : request.details?.purposes ?? []
    const known = named.filter((purpose) => (OBJECTION_PURPOSES as readonly string[]).includes(purpose))
    if (!known.length) throw new UserFacingError(`Choose the purposes to stop: ${OBJECTION_PURPOSES.join(', ')}.`, 'purposes')
    return known
  }
}
