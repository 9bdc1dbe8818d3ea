import { UserFacingError } from '#core/errors'
import type PrivacyRequest from '#privacy/models/privacy_request'
import { recordStep } from '#privacy/services/trail'

export type IdentifierKind = 'phone' | 'external_id'

const MAX_PER_KIND = 10

/**
 * Staff add an identifier the subject is also known by (a phone number from
 * their message, their customer id in another system): the data search,
 * export and erasure then cover records found by it too. The value goes to
 * the request's sealed fields and trail note; the audit log gets the kind only.
 */
export default class AddRequestIdentifier {
  async handle(request: PrivacyRequest, actorUserId: string, kind: IdentifierKind, value: string) {
    if (!request.isOpen) throw new UserFacingError('This request is closed: its identifiers can no longer change.', undefined, { status: 409 })
    const key = kind === 'phone' ? 'phones' : 'externalIds'
    const current = request.extraIdentifiers ?? {}
    const list = current[key] ?? []
    if (list.includes(value)) return request
    if (list.length >= MAX_PER_KIND) throw new UserFacingError(`A request can have at most ${MAX_PER_KIND} of these.`, 'value')
    request.extraIdentifiers = { ...current, [key]: [...list, value] }
    await request.save()
    await recordStep(request, 'identifier_added', { type: 'user', userId: actorUserId }, { note: `${kind === 'phone' ? 'Phone' : 'External id'}: ${value}`, metadata: { kind } })
    return request
  }
}
